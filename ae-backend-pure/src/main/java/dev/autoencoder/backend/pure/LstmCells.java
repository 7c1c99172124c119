package dev.autoencoder.backend.pure;

import dev.autoencoder.backend.pure.kernel.Parallel;
import dev.autoencoder.backend.pure.kernel.Transcendentals;

/**
 * The LSTM cell's step and its backward in one pass over each row, with the same float operations, in the same order,
 * as {@link dev.autoencoder.api.TensorBackend#lstmCell}'s and {@link dev.autoencoder.api.TensorBackend#lstmCellBackward}'s
 * composites on this backend: the fusion saves passes over memory and the calls between them, not a rounding. F32
 * only (F64 runs the composites), rows split over threads.
 */
final class LstmCells {
    private static final Transcendentals TRANSCENDENTALS = Elementwise.TRANSCENDENTALS;

    private LstmCells() {
    }

    /** Rows per chunk: a row reads and writes about {@code 10 h} values. */
    private static int grain(int h) {
        return Math.max(1, Elementwise.MIN_CHUNK / (10 * h));
    }

    /** The new hidden and cell states and the activations, {@code {hidden, cell, activations}}, of F32 operands. */
    static float[][] forward(Arena arena, PureTensor gates, PureTensor cell, Parallel parallel) {
        int n = cell.shape().dim(0);
        int h = cell.shape().dim(1);
        float[] z = gates.floats();
        float[] c = cell.floats();
        float[] hidden = arena.floats(n * h);
        float[] next = arena.floats(n * h);
        float[] a = arena.floats(n * 4 * h);
        parallel.forRange(n, grain(h), (r0, r1) -> forwardRows(z, c, hidden, next, a, r0, r1, h));
        return new float[][] {hidden, next, a};
    }

    /**
     * Rows {@code r0..r1}: sigmoid over all their gates in one call (g's block too, then overwritten), tanh over each g
     * block, then the cell update. One loop per function: C2 inlines each of them whole only while few are in one method.
     */
    private static void forwardRows(float[] z, float[] c, float[] hidden, float[] next, float[] a, int r0, int r1, int h) {
        TRANSCENDENTALS.sigmoid(z, a, r0 * 4 * h, r1 * 4 * h);
        for (int r = r0; r < r1; r++) {
            TRANSCENDENTALS.tanh(z, a, (4 * r + 2) * h, (4 * r + 3) * h);
        }
        for (int r = r0; r < r1; r++) {
            int base = r * 4 * h;
            int row = r * h;
            for (int j = 0; j < h; j++) {
                next[row + j] = a[base + h + j] * c[row + j] + a[base + j] * a[base + 2 * h + j];
            }
        }
        TRANSCENDENTALS.tanh(next, hidden, r0 * h, r1 * h);
        for (int r = r0; r < r1; r++) {
            int base = r * 4 * h;
            int row = r * h;
            for (int j = 0; j < h; j++) {
                hidden[row + j] = a[base + 3 * h + j] * hidden[row + j];
            }
        }
    }

    /** The gradients of the gates and of the old cell state, {@code {gates, cell}}, of F32 operands. */
    static float[][] backward(Arena arena, PureTensor activations, PureTensor cell, PureTensor newCell, PureTensor gradHidden,
            PureTensor gradNewCell, Parallel parallel) {
        int n = cell.shape().dim(0);
        int h = cell.shape().dim(1);
        float[] a = activations.floats();
        float[] c = cell.floats();
        float[] next = newCell.floats();
        float[] dh = gradHidden.floats();
        float[] dn = gradNewCell.floats();
        float[] dz = arena.floats(n * 4 * h);
        float[] dc = arena.floats(n * h);
        parallel.forRange(n, grain(h), (r0, r1) -> {
            for (int r = r0; r < r1; r++) {
                backwardRow(a, c, next, dh, dn, dz, dc, r, h);
            }
        });
        return new float[][] {dz, dc};
    }

    /** Row {@code r}: {@code tanh(c')} into the cell gradient's row, then every gradient of the row from it. */
    private static void backwardRow(float[] a, float[] c, float[] next, float[] dh, float[] dn, float[] dz, float[] dc, int r, int h) {
        int base = r * 4 * h;
        int row = r * h;
        TRANSCENDENTALS.tanh(next, dc, row, row + h);
        for (int j = 0; j < h; j++) {
            int k = row + j;
            float i = a[base + j];
            float f = a[base + h + j];
            float g = a[base + 2 * h + j];
            float o = a[base + 3 * h + j];
            float tc = dc[k];
            float gc = dn[k] + (dh[k] * o) * (1 - tc * tc);
            dz[base + j] = (gc * g) * (i * (1 - i));
            dz[base + h + j] = (gc * c[k]) * (f * (1 - f));
            dz[base + 2 * h + j] = (gc * i) * (1 - g * g);
            dz[base + 3 * h + j] = (dh[k] * tc) * (o * (1 - o));
            dc[k] = gc * f;
        }
    }
}
