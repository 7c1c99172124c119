package dev.autoencoder.examples;

import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.guice.BackendSettings;
import dev.autoencoder.api.guice.Backends;
import dev.autoencoder.data.catalog.DataRecipe;
import dev.autoencoder.data.catalog.LoadedData;
import dev.autoencoder.models.family.Family;
import dev.autoencoder.models.family.ModelSpec;
import dev.autoencoder.models.nn.Parameter;
import dev.autoencoder.models.run.RunData;
import dev.autoencoder.models.run.RunSettings;
import dev.autoencoder.models.run.TrainingRun;
import dev.autoencoder.models.train.ProgressView;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Resumed training: a run trains 2 epochs in {@code interrupted/} and stops; {@link TrainingRun#resume} rebuilds it
 * from its folder (weights, optimizer state, progress, settings) and continues to 4 epochs. A run of 4 epochs in one go
 * ({@code uninterrupted/}) ends with exactly the same weights: on the same backend a resumed run is bit-exact.
 */
public final class ResumeTraining {
    private ResumeTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Digits.outputFolder(args, "resume-training");
        TensorBackend backend = Backends.select("pure", new BackendSettings(2)); // a backend by name, found by discovery
        LoadedData digits = Digits.load();
        DataRecipe recipe = Digits.recipe(digits, null);
        ModelSpec spec = Digits.spec(Family.AE);
        RunSettings twoEpochs = Digits.settings(2, 3e-3);
        RunData data = RunData.of(digits, recipe, spec, twoEpochs.seed(), spec.family().id());

        // 2 epochs, then the run is continued from its folder alone (as by another process after a stop)
        Path interrupted = out.resolve("interrupted");
        TrainingRun.start(interrupted, spec, twoEpochs, recipe, data, backend, true).train(data, Digits.epochLines());
        System.out.println("stopped after 2 epochs; resuming");
        TrainingRun resumed = TrainingRun.resume(interrupted, backend).extendTo(4);
        resumed.train(data, Digits.epochLines());

        // 4 epochs in one go
        TrainingRun straight = TrainingRun.start(out.resolve("uninterrupted"), spec, Digits.settings(4, 3e-3), recipe, data, backend, true);
        straight.train(data, ProgressView.NONE);

        Map<String, Parameter> a = resumed.model().parameters();
        Map<String, Parameter> b = straight.model().parameters();
        double largest = 0;
        for (String name : a.keySet()) {
            float[] x = backend.toFloats(a.get(name).value());
            float[] y = backend.toFloats(Objects.requireNonNull(b.get(name), name).value());
            for (int i = 0; i < x.length; i++) {
                largest = Math.max(largest, Math.abs(x[i] - y[i]));
            }
        }
        System.out.printf(Locale.ROOT, "%d epochs resumed vs uninterrupted: %d parameter tensors, largest difference %s (%s)%n",
                resumed.progress().nextEpoch(), a.size(), largest, largest == 0 ? "equal" : "different");
    }
}
