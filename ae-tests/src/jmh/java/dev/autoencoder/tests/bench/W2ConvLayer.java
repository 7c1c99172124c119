package dev.autoencoder.tests.bench;

import dev.autoencoder.api.Conv2dParams;
import dev.autoencoder.api.Shape;

/**
 * The convolution layers of workload W2 {@code conv-ae} (WORKLOADS.md) at batch 100: the encoder's three
 * stride-2 convolutions, the decoder's three transposed convolutions and its final convolution.
 */
public enum W2ConvLayer {
    ENC1(false, 1, 32, 32, 2, 1, 0),
    ENC2(false, 32, 64, 16, 2, 1, 0),
    ENC3(false, 64, 128, 8, 2, 1, 0),
    DEC1(true, 128, 128, 4, 2, 1, 1),
    DEC2(true, 128, 64, 8, 2, 1, 1),
    DEC3(true, 64, 32, 16, 2, 1, 1),
    OUT(false, 32, 1, 32, 1, 1, 0);

    static final int BATCH = 100;

    final boolean transposed;
    final int in;
    final int out;
    final int size;
    final Conv2dParams params;
    final int outputPadding;

    W2ConvLayer(boolean transposed, int in, int out, int size, int stride, int pad, int outputPadding) {
        this.transposed = transposed;
        this.in = in;
        this.out = out;
        this.size = size;
        this.params = Conv2dParams.of(stride, pad);
        this.outputPadding = outputPadding;
    }

    Shape input() {
        return Shape.of(BATCH, in, size, size);
    }

    /** Weight in PyTorch layout: {@code [out, in, 3, 3]}, or {@code [in, out, 3, 3]} when transposed. */
    Shape weight() {
        return transposed ? Shape.of(in, out, 3, 3) : Shape.of(out, in, 3, 3);
    }

    /** Multiply-adds times two of one pass; the forward, input-gradient and weight-gradient passes cost the same. */
    double flops(Shape output) {
        Shape small = transposed ? input() : output;
        Shape large = transposed ? output : input();
        return 2.0 * BATCH * small.dim(1) * small.dim(2) * small.dim(3) * large.dim(1) * 9;
    }
}
