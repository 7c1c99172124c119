package dev.autoencoder.cli.option;

import dev.autoencoder.data.catalog.Split;
import dev.autoencoder.data.catalog.Task;
import dev.autoencoder.data.transform.Noise;
import dev.autoencoder.models.codec.Precision;
import dev.autoencoder.models.factory.Presets;
import dev.autoencoder.models.family.Family;
import dev.autoencoder.models.family.Likelihood;
import dev.autoencoder.models.family.Sparsity;
import dev.autoencoder.models.nn.Activation;
import dev.autoencoder.models.run.OptimizerKind;
import java.util.Arrays;
import java.util.Iterator;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine;

/**
 * Option values that name one of a fixed set of choices ({@code --noise salt-and-pepper}, {@code --model conv-vae}):
 * converted by the name shown in the help, and refused with a message listing the names.
 */
public final class Choices {
    private Choices() {
    }

    /** Registers a converter for every choice type the commands use. */
    public static void register(CommandLine commandLine) {
        commandLine.registerConverter(Family.class, of(Family.values(), Family::id));
        commandLine.registerConverter(Presets.class, of(Presets.values(), Presets::id));
        commandLine.registerConverter(Noise.Kind.class, of(Noise.Kind.values(), Noise.Kind::id));
        commandLine.registerConverter(Task.class, of(Task.values(), Object::toString));
        commandLine.registerConverter(Split.class, of(Split.values(), Object::toString));
        commandLine.registerConverter(OptimizerKind.class, of(OptimizerKind.values(), Object::toString));
        commandLine.registerConverter(Precision.class, of(Precision.values(), Object::toString));
        commandLine.registerConverter(Activation.class, of(Activation.values(), Object::toString));
        commandLine.registerConverter(Likelihood.class, of(Likelihood.values(), Object::toString));
        commandLine.registerConverter(Sparsity.Kind.class, of(Sparsity.Kind.values(), Object::toString));
    }

    private static <T> ITypeConverter<T> of(T[] choices, Function<T, String> name) {
        return value -> Arrays.stream(choices).filter(c -> name.apply(c).equals(value)).findFirst()
                .orElseThrow(() -> new TypeConversionException("expected one of " + Arrays.stream(choices).map(name)
                        .collect(Collectors.joining(", ")) + " but was '" + value + "'"));
    }

    /** The model family names, for help texts ({@code completionCandidates}). */
    public static final class Families implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Family.values()).map(Family::id).iterator();
        }
    }

    /** The noise names, for help texts ({@code completionCandidates}). */
    public static final class NoiseKinds implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Noise.Kind.values()).map(Noise.Kind::id).iterator();
        }
    }

    /** The preset names, for help texts ({@code completionCandidates}). */
    public static final class PresetNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Presets.values()).map(Presets::id).iterator();
        }
    }
}
