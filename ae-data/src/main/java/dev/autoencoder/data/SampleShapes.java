package dev.autoencoder.data;

/** Arithmetic on sample shapes shared by datasets, transforms and writers. */
public final class SampleShapes {

    private SampleShapes() {
    }

    /**
     * The number of values in a sample of {@code shape}: the product of its dimensions.
     *
     * @throws ArithmeticException when it exceeds {@code Integer.MAX_VALUE}
     */
    public static int size(int[] shape) {
        int size = 1;
        for (int d : shape) {
            size = Math.multiplyExact(size, d);
        }
        return size;
    }
}
