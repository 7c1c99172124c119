package dev.autoencoder.backend.pure;

import dev.autoencoder.api.Shape;

/** Index arithmetic for row-major data: strides of broadcast operands and gather maps for data movement. */
final class Strides {
    private Strides() {
    }

    /** Strides of {@code operand} read as {@code out} under broadcasting: 0 on broadcast axes. */
    static int[] broadcastStrides(Shape operand, Shape out) {
        int rank = out.rank();
        int lead = rank - operand.rank();
        int[] own = operand.strides();
        int[] s = new int[rank];
        for (int i = lead; i < rank; i++) {
            s[i] = operand.dim(i - lead) == 1 ? 0 : own[i - lead];
        }
        return s;
    }

    /** For each element of {@code out}, the flat index of the element of {@code operand} broadcast there. */
    static int[] broadcastIndex(Shape operand, Shape out) {
        return gather(out, broadcastStrides(operand, out), 0);
    }

    /**
     * For each element of {@code out} in row-major order, {@code base + sum(index[d] * strides[d])}: the source
     * index under an arbitrary strided view (permutation, broadcast, slice).
     */
    static int[] gather(Shape out, int[] strides, int base) {
        int n = out.size();
        int[] map = new int[n];
        int rank = out.rank();
        int[] dims = out.dims();
        int[] idx = new int[rank];
        int src = base;
        for (int i = 0; i < n; i++) {
            map[i] = src;
            for (int d = rank - 1; d >= 0; d--) {
                idx[d]++;
                src += strides[d];
                if (idx[d] < dims[d]) {
                    break;
                }
                src -= strides[d] * dims[d];
                idx[d] = 0;
            }
        }
        return map;
    }

    /** {@code src[map[i]]} for every i, or {@code fill} where {@code map[i] < 0}, in the source's precision. */
    static Object take(Arena arena, PureTensor src, int[] map, double fill) {
        if (src.floats() != null) {
            float[] s = src.floats();
            float[] out = arena.floats(map.length);
            for (int i = 0; i < map.length; i++) {
                out[i] = map[i] >= 0 ? s[map[i]] : (float) fill;
            }
            return out;
        }
        double[] s = src.doubles();
        double[] out = new double[map.length];
        for (int i = 0; i < map.length; i++) {
            out[i] = map[i] >= 0 ? s[map[i]] : fill;
        }
        return out;
    }
}
