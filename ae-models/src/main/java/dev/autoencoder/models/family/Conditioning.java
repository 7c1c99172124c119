package dev.autoencoder.models.family;

import dev.autoencoder.api.autodiff.Var;
import dev.autoencoder.models.nn.Forward;
import dev.autoencoder.models.nn.Sequential;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Where a variational model reads a class label: nowhere (the VAE), or, for a conditional VAE, from inputs that carry
 * the one-hot label after the flattened sample ({@code [n, sampleSize + classes]}, as
 * {@link dev.autoencoder.data.catalog.Classes#withOneHot} writes them; targets alike). The label joins the code before
 * the decoder, and the encoder either at its input (MLPs, whose first layer reads {@code [x, onehot(y)]} as given) or
 * after its trunk (convolutions, whose flattened features are concatenated with it before the heads).
 */
public final class Conditioning {
    private static final Conditioning NONE = new Conditioning(new int[0], 0, false);

    private final int[] sampleShape;
    private final int sampleSize;
    private final int classes;
    private final boolean afterTrunk;

    private Conditioning(int[] sampleShape, int classes, boolean afterTrunk) {
        this.sampleShape = sampleShape;
        this.sampleSize = IntStream.of(sampleShape).reduce(1, (a, b) -> a * b);
        this.classes = classes;
        this.afterTrunk = afterTrunk;
    }

    /** No label: the VAE's. */
    public static Conditioning none() {
        return NONE;
    }

    /** The label read by the encoder's first layer, beside samples of {@code sampleShape}, and by the decoder. */
    public static Conditioning atInput(List<Integer> sampleShape, int classes) {
        return new Conditioning(sampleShape.stream().mapToInt(Integer::intValue).toArray(), classes, false);
    }

    /** The label beside the trunk's flattened features of samples of {@code sampleShape}, and read by the decoder. */
    public static Conditioning afterTrunk(List<Integer> sampleShape, int classes) {
        return new Conditioning(sampleShape.stream().mapToInt(Integer::intValue).toArray(), classes, true);
    }

    /** The number of classes, 0 for none. */
    public int classes() {
        return classes;
    }

    /** The samples of conditional inputs {@code [n, sampleSize + classes]} as {@code [n, sampleShape...]}; others as they are. */
    Var data(Var input) {
        if (classes == 0) {
            return input;
        }
        int n = input.shape().dim(0);
        return input.slice(1, 0, sampleSize).reshape(IntStream.concat(IntStream.of(n), IntStream.of(sampleShape)).toArray());
    }

    /** The features the posterior heads read: the trunk's of the input, with the label after them when it joins there. */
    Var features(Var input, Sequential trunk, Forward pass) {
        if (!afterTrunk) {
            return trunk.forward(input, pass);
        }
        return pass.tape().concat(List.of(trunk.forward(data(input), pass), label(input)), 1);
    }

    /** What the decoder reads for codes {@code z} of {@code input}: {@code [z, onehot(y)]}, or {@code z}. */
    Var code(Var z, Var input) {
        return classes == 0 ? z : z.tape().concat(List.of(z, label(input)), 1);
    }

    private Var label(Var input) {
        return input.slice(1, sampleSize, sampleSize + classes);
    }
}
