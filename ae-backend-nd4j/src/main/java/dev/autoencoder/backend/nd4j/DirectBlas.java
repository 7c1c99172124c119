package dev.autoencoder.backend.nd4j;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_ddot;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dger;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_dgemv;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sdot;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sger;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemv;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The level-1 and level-2 BLAS of a training step (sums over the batch, bias rows, squared norms) called on OpenBLAS's
 * binding directly. Through ND4J the same call costs 40-120 us on W1's {@code [100, 512]} arrays, nearly all of it in
 * ND4J's Java-side op plumbing; through the binding 1-8 us. Each call is cut into blocks of at most {@link #BLOCK}
 * elements, which OpenBLAS runs on the calling thread: on larger ones it wakes its own threads, and on W1 those
 * wake-ups cost more than the work (a step took 11.5 ms against 10.8 with OpenBLAS on one thread). It takes whole
 * buffers only ({@link NdArrays#wholeBuffers}), F32 or F64.
 */
final class DirectBlas {
    /** Elements of a call that OpenBLAS 0.3.19 computes on one thread: below 2304 times its threshold of 4. */
    private static final int BLOCK = 8192;

    private final Map<DataType, INDArray> ones = new ConcurrentHashMap<>();

    /** {@code out[j] = sum_i x[i, j]} for {@code x} read as a {@code rows x columns} matrix. */
    void columnSums(INDArray x, int rows, int columns, INDArray out) {
        INDArray ones = ones(x.dataType(), rows);
        int block = Math.max(1, BLOCK / rows);
        for (int j = 0; j < columns; j += block) {
            int n = Math.min(block, columns - j);
            if (x.dataType() == DataType.FLOAT) {
                cblas_sgemv(CblasRowMajor, CblasTrans, rows, n, 1f, f(x, j), columns, f(ones, 0), 1, 0f, f(out, j), 1);
            } else {
                cblas_dgemv(CblasRowMajor, CblasTrans, rows, n, 1.0, d(x, j), columns, d(ones, 0), 1, 0.0, d(out, j), 1);
            }
        }
    }

    /** {@code out[i] = sum_j x[i, j]} for {@code x} read as a {@code rows x columns} matrix. */
    void rowSums(INDArray x, int rows, int columns, INDArray out) {
        INDArray ones = ones(x.dataType(), columns);
        forRowBlocks(rows, columns, (i, m, at) -> {
            if (x.dataType() == DataType.FLOAT) {
                cblas_sgemv(CblasRowMajor, CblasNoTrans, m, columns, 1f, f(x, at), columns, f(ones, 0), 1, 0f, f(out, i), 1);
            } else {
                cblas_dgemv(CblasRowMajor, CblasNoTrans, m, columns, 1.0, d(x, at), columns, d(ones, 0), 1, 0.0, d(out, i), 1);
            }
        });
    }

    /** Adds {@code row} to each row of {@code c}, read as a {@code rows x row.length()} matrix. */
    void addToRows(INDArray c, int rows, INDArray row) {
        int columns = (int) row.length();
        INDArray ones = ones(c.dataType(), rows);
        forRowBlocks(rows, columns, (i, m, at) -> {
            if (c.dataType() == DataType.FLOAT) {
                cblas_sger(CblasRowMajor, m, columns, 1f, f(ones, 0), 1, f(row, 0), 1, f(c, at), columns);
            } else {
                cblas_dger(CblasRowMajor, m, columns, 1.0, d(ones, 0), 1, d(row, 0), 1, d(c, at), columns);
            }
        });
    }

    /** A call on rows {@code first..first+count} of a matrix, whose first element is element {@code at} of its buffer. */
    @FunctionalInterface
    private interface RowBlock {
        void run(int first, int count, long at);
    }

    /** {@code call} on consecutive blocks of whole rows of a {@code rows x columns} matrix, each within {@link #BLOCK}. */
    private static void forRowBlocks(int rows, int columns, RowBlock call) {
        int block = Math.max(1, BLOCK / columns);
        for (int i = 0; i < rows; i += block) {
            call.run(i, Math.min(block, rows - i), (long) i * columns);
        }
    }

    /** The sum of the squares of {@code x}'s elements: a dot product per block, the blocks' added in double. */
    double sumOfSquares(INDArray x) {
        long n = x.length();
        double sum = 0;
        for (long i = 0; i < n; i += BLOCK) {
            int m = (int) Math.min(BLOCK, n - i);
            sum += x.dataType() == DataType.FLOAT ? cblas_sdot(m, f(x, i), 1, f(x, i), 1) : cblas_ddot(m, d(x, i), 1, d(x, i), 1);
        }
        return sum;
    }

    /**
     * At least {@code length} ones of {@code type}: one vector per type, made outside every workspace, replaced by a
     * longer one when needed and only ever read.
     */
    private INDArray ones(DataType type, int length) {
        INDArray current = ones.get(type);
        if (current != null && current.length() >= length) {
            return current;
        }
        return ones.compute(type, (t, old) -> {
            if (old != null && old.length() >= length) {
                return old;
            }
            try (MemoryWorkspace outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                return Nd4j.valueArrayOf(new long[] {Math.max(length, 1024)}, 1.0, type);
            }
        });
    }

    /** A pointer to element {@code at} of {@code a}'s buffer (F32); a new object, so the buffer's own stays put. */
    private static FloatPointer f(INDArray a, long at) {
        Pointer p = a.data().addressPointer();
        return (p instanceof FloatPointer floats ? floats : new FloatPointer(p)).getPointer(at);
    }

    /** A pointer to element {@code at} of {@code a}'s buffer (F64). */
    private static DoublePointer d(INDArray a, long at) {
        Pointer p = a.data().addressPointer();
        return (p instanceof DoublePointer doubles ? doubles : new DoublePointer(p)).getPointer(at);
    }
}
