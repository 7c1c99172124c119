package dev.autoencoder.backend.pure.kernel;

import java.util.Objects;
import java.util.function.IntFunction;

/**
 * 2-D convolution kernels with exactly PyTorch's {@code conv2d} semantics: NCHW input
 * {@code [n, c, h, w]}, weight {@code [o, c, kh, kw]}, output {@code [n, o, oh, ow]}, zero padding,
 * no dilation, groups or bias; the geometry ({@code oh}, {@code ow}) is {@link ConvGeometry}'s.
 * Callers have validated the shapes; array lengths are only checked against the geometry.
 *
 * <p>The F32 methods unroll groups of images into an im2col matrix {@code [c*kh*kw, images*oh*ow]}
 * (a buffer private to each thread, reused across its groups) and run one matrix product per
 * group, splitting the batch over the {@link Parallel} threads in contiguous chunks (the products
 * run single-threaded inside a chunk, so nothing forks twice). The weight gradient is summed over
 * each chunk into a private partial and the partials are added in chunk order, so every F32 result
 * is bit-identical run to run for a fixed thread count. A stride-1 convolution with fewer output
 * than input channels runs as its {@link #dual} instead, which unrolls the smaller side.
 *
 * <p>The F64 methods are the reference: one loop nest over every (output, input, weight) triple,
 * shared by the three passes, on the calling thread.
 */
public final class Conv2d {

    /** Budget in floats of a group's larger unrolled matrix; bounds how many images share one product. */
    private static final long GROUP_BUDGET = 1L << 18;
    /** Rough number of flops below which a chunk of images is not worth a thread. */
    private static final long MIN_CHUNK_FLOPS = 1L << 20;

    private final Parallel parallel;
    private final Gemm gemm;
    private final IntFunction<float[]> results;

    /**
     * Creates the kernels; batches are split over {@code parallel}, products run on {@code gemm}, and the F32 results
     * are written into zeroed arrays from {@code results} (the backend's scope arena; {@code float[]::new} will do).
     */
    public Conv2d(Parallel parallel, Gemm gemm, IntFunction<float[]> results) {
        this.parallel = Objects.requireNonNull(parallel, "parallel");
        this.gemm = Objects.requireNonNull(gemm, "gemm");
        this.results = Objects.requireNonNull(results, "results");
    }

    /**
     * Forward convolution: {@code y[n,o,oy,ox] = sum_{c,i,j} x[n,c,oy*sH-pH+i, ox*sW-pW+j] * w[o,c,i,j]}
     * (x out of range is 0). Per group of images: im2col, then {@code Y = W x cols}.
     *
     * @return a new array {@code [n, o, oh, ow]}
     */
    public float[] forward(float[] x, float[] w, ConvGeometry g) {
        requireLength("x", x.length, inputSize(g));
        requireLength("w", w.length, weightSize(g));
        return useDual(g)
                ? unrolledInputGrad(x, flipTranspose(w, g.o(), g.c(), g), dual(g))
                : unrolledForward(x, w, g);
    }

    private float[] unrolledForward(float[] x, float[] w, ConvGeometry g) {
        int kdim = kernelSize(g);
        int pix = g.oh() * g.ow();
        int[][] taps = tapOffsets(g);
        float[] y = results.apply(Math.toIntExact(outputSize(g)));
        parallel.forRange(g.n(), minImagesPerChunk(g), (first, end) -> {
            int group = groupSize(g, end - first);
            float[] cols = new float[kdim * group * pix];
            float[] product = new float[g.o() * group * pix];
            for (int img = first; img < end; img += group) {
                int count = Math.min(group, end - img);
                im2col(x, img, count, g, taps, cols);
                gemm.sgemmSerial(false, false, g.o(), count * pix, kdim, w, 0, cols, 0, product, 0, false);
                toImages(product, count, g.o(), pix, y, img);
            }
        });
        return y;
    }

    /** F64 reference of {@link #forward(float[], float[], ConvGeometry)}. */
    public double[] forward(double[] x, double[] w, ConvGeometry g) {
        requireLength("x", x.length, inputSize(g));
        requireLength("w", w.length, weightSize(g));
        double[] y = new double[Math.toIntExact(outputSize(g))];
        forEachTap(g, (xi, wi, yi) -> y[yi] += x[xi] * w[wi]);
        return y;
    }

    /**
     * Input gradient {@code dx = d(sum y*gy)/dx}, the adjoint of {@link #forward} in {@code x}.
     * Input positions the forward never reads get 0. This is also PyTorch's
     * {@code conv_transpose2d}: its weight {@code [c_in, c_out, kh, kw]} is read as a conv weight
     * with {@code o = c_in, c = c_out}, and {@code h, w} of the geometry are the transposed output
     * size (output padding included). Per group of images: {@code dcols = W^T x gy}, then col2im.
     *
     * @return a new array {@code [n, c, h, w]}
     */
    public float[] inputGrad(float[] gy, float[] w, ConvGeometry g) {
        requireLength("gy", gy.length, outputSize(g));
        requireLength("w", w.length, weightSize(g));
        return useDual(g)
                ? unrolledForward(gy, flipTranspose(w, g.o(), g.c(), g), dual(g))
                : unrolledInputGrad(gy, w, g);
    }

    private float[] unrolledInputGrad(float[] gy, float[] w, ConvGeometry g) {
        int kdim = kernelSize(g);
        int pix = g.oh() * g.ow();
        int[][] taps = tapOffsets(g);
        float[] dx = results.apply(Math.toIntExact(inputSize(g)));
        parallel.forRange(g.n(), minImagesPerChunk(g), (first, end) -> {
            int group = groupSize(g, end - first);
            float[] gyMatrix = new float[g.o() * group * pix];
            float[] dcols = new float[kdim * group * pix];
            for (int img = first; img < end; img += group) {
                int count = Math.min(group, end - img);
                fromImages(gy, img, count, g.o(), pix, gyMatrix);
                gemm.sgemmSerial(true, false, kdim, count * pix, g.o(), w, 0, gyMatrix, 0, dcols, 0, false);
                col2im(dcols, img, count, g, taps, dx);
            }
        });
        return dx;
    }

    /** F64 reference of {@link #inputGrad(float[], float[], ConvGeometry)}. */
    public double[] inputGrad(double[] gy, double[] w, ConvGeometry g) {
        requireLength("gy", gy.length, outputSize(g));
        requireLength("w", w.length, weightSize(g));
        double[] dx = new double[Math.toIntExact(inputSize(g))];
        forEachTap(g, (xi, wi, yi) -> dx[xi] += gy[yi] * w[wi]);
        return dx;
    }

    /**
     * Weight gradient {@code dw = d(sum y*gy)/dw}, summed over the batch. Each chunk of images
     * accumulates its transpose {@code cols x gy^T} per group into a private partial, with {@code gy}
     * copied a pixel per row so that neither operand is read transposed (for W2's layers 1.1-1.6x
     * faster than {@code gy x cols^T}, 5x for a layer of one input channel); the partials are added,
     * transposed back, in chunk order.
     *
     * @return a new array {@code [o, c, kh, kw]}
     */
    public float[] weightGrad(float[] x, float[] gy, ConvGeometry g) {
        requireLength("x", x.length, inputSize(g));
        requireLength("gy", gy.length, outputSize(g));
        return useDual(g)
                ? flipTranspose(unrolledWeightGrad(gy, x, dual(g)), g.c(), g.o(), g)
                : unrolledWeightGrad(x, gy, g);
    }

    private float[] unrolledWeightGrad(float[] x, float[] gy, ConvGeometry g) {
        int kdim = kernelSize(g);
        int pix = g.oh() * g.ow();
        int[][] taps = tapOffsets(g);
        float[][] partials = new float[g.n()][];
        parallel.forRange(g.n(), minImagesPerChunk(g), (first, end) -> {
            int group = groupSize(g, end - first);
            float[] cols = new float[kdim * group * pix];
            float[] gyRows = new float[group * pix * g.o()];
            float[] partial = new float[kdim * g.o()];
            for (int img = first; img < end; img += group) {
                int count = Math.min(group, end - img);
                im2col(x, img, count, g, taps, cols);
                toPixelRows(gy, img, count, g.o(), pix, gyRows);
                gemm.sgemmSerial(false, false, kdim, g.o(), count * pix, cols, 0, gyRows, 0, partial, 0, true);
            }
            partials[first] = partial;
        });
        float[] dw = results.apply(Math.toIntExact(weightSize(g)));
        for (float[] partial : partials) {
            if (partial != null) {
                for (int k = 0; k < kdim; k++) {
                    for (int o = 0; o < g.o(); o++) {
                        dw[o * kdim + k] += partial[k * g.o() + o];
                    }
                }
            }
        }
        return dw;
    }

    /** F64 reference of {@link #weightGrad(float[], float[], ConvGeometry)}. */
    public double[] weightGrad(double[] x, double[] gy, ConvGeometry g) {
        requireLength("x", x.length, inputSize(g));
        requireLength("gy", gy.length, outputSize(g));
        double[] dw = new double[Math.toIntExact(weightSize(g))];
        forEachTap(g, (xi, wi, yi) -> dw[wi] += gy[yi] * x[xi]);
        return dw;
    }

    /**
     * Whether an F32 pass runs on the {@link #dual} convolution instead: for stride 1 (with padding
     * at most kernel-1) when the output has fewer channels than the input, because the unrolled
     * matrices then have {@code o*kh*kw} rows instead of {@code c*kh*kw} (e.g. 9 instead of 288
     * for a 32-to-1 channel 3x3 layer).
     */
    private static boolean useDual(ConvGeometry g) {
        return g.o() < g.c() && g.strideH() == 1 && g.strideW() == 1
                && g.padH() <= g.kh() - 1 && g.padW() <= g.kw() - 1;
    }

    /**
     * The dual of a stride-1 convolution: input and output swap roles ({@code c <-> o},
     * {@code h,w <-> oh,ow}), the weight is {@link #flipTranspose flipped and transposed} and the
     * padding becomes {@code k-1-p}; its output size is again {@code h x w}. Then
     * {@code forward(x, w, g) == inputGrad(x, w', dual)},
     * {@code inputGrad(gy, w, g) == forward(gy, w', dual)} and
     * {@code weightGrad(x, gy, g) == flipTranspose(weightGrad(gy, x, dual))}.
     */
    private static ConvGeometry dual(ConvGeometry g) {
        return new ConvGeometry(g.n(), g.o(), g.oh(), g.ow(), g.c(), g.kh(), g.kw(), 1, 1,
                g.kh() - 1 - g.padH(), g.kw() - 1 - g.padW());
    }

    /**
     * Weight {@code [outer, inner, kh, kw]} to {@code [inner, outer, kh, kw]} with both kernel axes
     * reversed; its own inverse when applied again with {@code outer} and {@code inner} swapped.
     */
    private static float[] flipTranspose(float[] w, int outer, int inner, ConvGeometry g) {
        int kh = g.kh();
        int kw = g.kw();
        float[] result = new float[w.length];
        for (int a = 0; a < outer; a++) {
            for (int b = 0; b < inner; b++) {
                for (int i = 0; i < kh; i++) {
                    for (int j = 0; j < kw; j++) {
                        result[((b * outer + a) * kh + kh - 1 - i) * kw + kw - 1 - j] =
                                w[((a * inner + b) * kh + i) * kw + j];
                    }
                }
            }
        }
        return result;
    }

    /**
     * Visits every product {@code x[xi] * w[wi]} that contributes to {@code y[yi]}, i.e. every
     * in-range input tap of every output element, in a fixed order (output index, then channel,
     * kernel row, kernel column). Each F64 pass is one line on top of it, so the three are
     * adjoint by construction.
     */
    private static void forEachTap(ConvGeometry g, Tap tap) {
        int oh = g.oh();
        int ow = g.ow();
        for (int b = 0; b < g.n(); b++) {
            for (int oc = 0; oc < g.o(); oc++) {
                for (int oy = 0; oy < oh; oy++) {
                    for (int ox = 0; ox < ow; ox++) {
                        int yi = ((b * g.o() + oc) * oh + oy) * ow + ox;
                        for (int ci = 0; ci < g.c(); ci++) {
                            for (int ki = 0; ki < g.kh(); ki++) {
                                int iy = oy * g.strideH() - g.padH() + ki;
                                if (iy < 0 || iy >= g.h()) {
                                    continue;
                                }
                                for (int kj = 0; kj < g.kw(); kj++) {
                                    int ix = ox * g.strideW() - g.padW() + kj;
                                    if (ix >= 0 && ix < g.w()) {
                                        tap.at(((b * g.c() + ci) * g.h() + iy) * g.w() + ix,
                                                ((oc * g.c() + ci) * g.kh() + ki) * g.kw() + kj, yi);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /** One multiply of the convolution: input index, weight index, output index. */
    @FunctionalInterface
    private interface Tap {
        void at(int xi, int wi, int yi);
    }

    /**
     * For each kernel tap {@code (ki, kj)} and output pixel {@code (oy, ox)}, the offset within an
     * input plane of the pixel that tap reads, {@code (oy*sH-pH+ki)*w + ox*sW-pW+kj}, or -1 where
     * it falls in the zero padding. Shared by {@link #im2col} and its adjoint {@link #col2im}.
     */
    private static int[][] tapOffsets(ConvGeometry g) {
        int oh = g.oh();
        int ow = g.ow();
        int[][] offsets = new int[g.kh() * g.kw()][oh * ow];
        for (int ki = 0; ki < g.kh(); ki++) {
            for (int kj = 0; kj < g.kw(); kj++) {
                int[] tap = offsets[ki * g.kw() + kj];
                for (int oy = 0; oy < oh; oy++) {
                    int iy = oy * g.strideH() - g.padH() + ki;
                    for (int ox = 0; ox < ow; ox++) {
                        int ix = ox * g.strideW() - g.padW() + kj;
                        boolean inside = iy >= 0 && iy < g.h() && ix >= 0 && ix < g.w();
                        tap[oy * ow + ox] = inside ? iy * g.w() + ix : -1;
                    }
                }
            }
        }
        return offsets;
    }

    /**
     * Writes the im2col matrix of images {@code [first, first+count)} into {@code cols}, shape
     * {@code [c*kh*kw, count*oh*ow]}: row {@code (ci, ki, kj)}, column {@code (image, oy, ox)} holds
     * {@code x[image, ci, oy*sH-pH+ki, ox*sW-pW+kj]}, or 0 in the padding.
     */
    private static void im2col(float[] x, int first, int count, ConvGeometry g, int[][] tapOffsets, float[] cols) {
        int pix = g.oh() * g.ow();
        int width = count * pix;
        int plane = g.h() * g.w();
        for (int ci = 0; ci < g.c(); ci++) {
            for (int t = 0; t < tapOffsets.length; t++) {
                int[] tap = tapOffsets[t];
                int row = (ci * tapOffsets.length + t) * width;
                for (int img = 0; img < count; img++) {
                    int src = ((first + img) * g.c() + ci) * plane;
                    int dst = row + img * pix;
                    for (int q = 0; q < pix; q++) {
                        int offset = tap[q];
                        cols[dst + q] = offset < 0 ? 0f : x[src + offset];
                    }
                }
            }
        }
    }

    /** The adjoint of {@link #im2col}: adds each element of {@code dcols} into the input position it was read from. */
    private static void col2im(float[] dcols, int first, int count, ConvGeometry g, int[][] tapOffsets, float[] dx) {
        int pix = g.oh() * g.ow();
        int width = count * pix;
        int plane = g.h() * g.w();
        for (int ci = 0; ci < g.c(); ci++) {
            for (int t = 0; t < tapOffsets.length; t++) {
                int[] tap = tapOffsets[t];
                int row = (ci * tapOffsets.length + t) * width;
                for (int img = 0; img < count; img++) {
                    int dst = ((first + img) * g.c() + ci) * plane;
                    int src = row + img * pix;
                    for (int q = 0; q < pix; q++) {
                        int offset = tap[q];
                        if (offset >= 0) {
                            dx[dst + offset] += dcols[src + q];
                        }
                    }
                }
            }
        }
    }

    /** Copies a {@code [channels, count*pix]} product into images {@code first..} of an NCHW array. */
    private static void toImages(float[] matrix, int count, int channels, int pix, float[] images, int first) {
        int width = count * pix;
        for (int img = 0; img < count; img++) {
            for (int ch = 0; ch < channels; ch++) {
                System.arraycopy(matrix, ch * width + img * pix, images, ((first + img) * channels + ch) * pix, pix);
            }
        }
    }

    /** Copies images {@code first..first+count} of an NCHW array into a {@code [channels, count*pix]} matrix. */
    private static void fromImages(float[] images, int first, int count, int channels, int pix, float[] matrix) {
        int width = count * pix;
        for (int img = 0; img < count; img++) {
            for (int ch = 0; ch < channels; ch++) {
                System.arraycopy(images, ((first + img) * channels + ch) * pix, matrix, ch * width + img * pix, pix);
            }
        }
    }

    /** Copies images {@code first..first+count} of an NCHW array into a {@code [count*pix, channels]} matrix. */
    private static void toPixelRows(float[] images, int first, int count, int channels, int pix, float[] rows) {
        for (int img = 0; img < count; img++) {
            int base = img * pix * channels;
            for (int ch = 0; ch < channels; ch++) {
                int src = ((first + img) * channels + ch) * pix;
                for (int q = 0; q < pix; q++) {
                    rows[base + q * channels + ch] = images[src + q];
                }
            }
        }
    }

    /**
     * Images per matrix product: as many as keep the larger of the two unrolled matrices
     * ({@code c*kh*kw} or {@code o} rows of {@code images*oh*ow}) within {@link #GROUP_BUDGET},
     * at least 1, at most the chunk.
     */
    private static int groupSize(ConvGeometry g, int chunk) {
        long perImage = (long) Math.max(kernelSize(g), g.o()) * g.oh() * g.ow();
        return (int) Math.max(1, Math.min(chunk, GROUP_BUDGET / perImage));
    }

    private static int minImagesPerChunk(ConvGeometry g) {
        long flopsPerImage = 2L * g.o() * g.oh() * g.ow() * kernelSize(g);
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, MIN_CHUNK_FLOPS / flopsPerImage));
    }

    private static int kernelSize(ConvGeometry g) {
        return g.c() * g.kh() * g.kw();
    }

    private static long inputSize(ConvGeometry g) {
        return (long) g.n() * g.c() * g.h() * g.w();
    }

    private static long weightSize(ConvGeometry g) {
        return (long) g.o() * g.c() * g.kh() * g.kw();
    }

    private static long outputSize(ConvGeometry g) {
        return (long) g.n() * g.o() * g.oh() * g.ow();
    }

    private static void requireLength(String name, int actual, long expected) {
        if (actual != expected) {
            throw new IllegalArgumentException(name + " has " + actual + " elements, the geometry needs " + expected);
        }
    }
}
