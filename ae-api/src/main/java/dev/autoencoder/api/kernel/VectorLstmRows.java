package dev.autoencoder.api.kernel;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link LstmRows} on the Java Vector API, with {@link VectorMath}'s functions. One loop per function, each in its own
 * method, as pure's cell does: C2 (JDK 17) inlines a few of these polynomials whole into one method, not five. Rows
 * whose width {@code h} is not a multiple of the lanes take the scalar loops for the whole call, so that within a
 * call every element takes the same arithmetic. Only {@link LstmRows#best} names this class.
 */
final class VectorLstmRows implements LstmRows {
    private static final VectorSpecies<Float> SPECIES = VectorMath.SPECIES;
    private static final int LANES = SPECIES.length();
    private static final ByteOrder ORDER = ByteOrder.nativeOrder();
    private static final LstmRows SCALAR = new ScalarLstmRows();

    @Override
    public void forward(Forward x, int r0, int r1) {
        int h = x.h();
        if (h % LANES != 0) {
            SCALAR.forward(x, r0, r1);
            return;
        }
        if (x.moreGates() == null) {
            // sigmoid over all four blocks (g's too, overwritten next), then tanh over each g block
            sigmoid(x.gates(), x.activations(), r0 * 4 * h, r1 * 4 * h);
            for (int r = r0; r < r1; r++) {
                tanh(x.gates(), x.activations(), (4 * r + 2) * h, (4 * r + 3) * h);
            }
        } else {
            // the summed gates into the activations, then each block's function in place
            sum(x.gates(), x.moreGates(), x.activations(), r0 * 4 * h, r1 * 4 * h);
            ByteBuffer a = x.activations();
            for (int r = r0; r < r1; r++) {
                sigmoid(a, a, 4 * r * h, (4 * r + 2) * h);
                tanh(a, a, (4 * r + 2) * h, (4 * r + 3) * h);
                sigmoid(a, a, (4 * r + 3) * h, (4 * r + 4) * h);
            }
        }
        for (int r = r0; r < r1; r++) {
            newCell(x, r, h);
        }
        tanh(x.newCell(), x.hidden(), r0 * h, r1 * h);
        for (int r = r0; r < r1; r++) {
            hidden(x, r, h);
        }
    }

    @Override
    public void backward(Backward x, int r0, int r1) {
        int h = x.h();
        if (h % LANES != 0) {
            SCALAR.backward(x, r0, r1);
            return;
        }
        // tanh(c') into the cell gradient's rows, read back and overwritten element by element below
        tanh(x.newCell(), x.gradCell(), r0 * h, r1 * h);
        for (int r = r0; r < r1; r++) {
            for (int j = 0; j < h; j += LANES) {
                int gate = 4 * (4 * r * h + j);
                int unit = 4 * (r * h + j);
                FloatVector i = load(x.activations(), gate);
                FloatVector f = load(x.activations(), gate + 4 * h);
                FloatVector g = load(x.activations(), gate + 8 * h);
                FloatVector o = load(x.activations(), gate + 12 * h);
                FloatVector tc = load(x.gradCell(), unit);
                FloatVector dh = load(x.gradHidden(), unit);
                FloatVector gc = load(x.gradNewCell(), unit).add(dh.mul(o).mul(tc.mul(tc).neg().add(1f)));
                gc.mul(g).mul(i.mul(i.neg().add(1f))).intoByteBuffer(x.gradGates(), gate, ORDER);
                gc.mul(load(x.cell(), unit)).mul(f.mul(f.neg().add(1f))).intoByteBuffer(x.gradGates(), gate + 4 * h, ORDER);
                gc.mul(i).mul(g.mul(g).neg().add(1f)).intoByteBuffer(x.gradGates(), gate + 8 * h, ORDER);
                dh.mul(tc).mul(o.mul(o.neg().add(1f))).intoByteBuffer(x.gradGates(), gate + 12 * h, ORDER);
                gc.mul(f).intoByteBuffer(x.gradCell(), unit, ORDER);
            }
        }
    }

    /** {@code c' = f c + i g} of row {@code r}. */
    private static void newCell(Forward x, int r, int h) {
        for (int j = 0; j < h; j += LANES) {
            int gate = 4 * (4 * r * h + j);
            int unit = 4 * (r * h + j);
            FloatVector fc = load(x.activations(), gate + 4 * h).mul(load(x.cell(), unit));
            FloatVector ig = load(x.activations(), gate).mul(load(x.activations(), gate + 8 * h));
            fc.add(ig).intoByteBuffer(x.newCell(), unit, ORDER);
        }
    }

    /** {@code h' = o tanh(c')} of row {@code r}, from {@code tanh(c')} already in the hidden state's row. */
    private static void hidden(Forward x, int r, int h) {
        for (int j = 0; j < h; j += LANES) {
            int unit = 4 * (r * h + j);
            load(x.activations(), 4 * (4 * r * h + 3 * h + j)).mul(load(x.hidden(), unit)).intoByteBuffer(x.hidden(), unit, ORDER);
        }
    }

    /** {@code out = a + b} over floats {@code [from, to)}, a whole number of vectors. */
    private static void sum(ByteBuffer a, ByteBuffer b, ByteBuffer out, int from, int to) {
        for (int i = from; i < to; i += LANES) {
            load(a, 4 * i).add(load(b, 4 * i)).intoByteBuffer(out, 4 * i, ORDER);
        }
    }

    /** Sigmoid of floats {@code [from, to)}, a whole number of vectors. */
    private static void sigmoid(ByteBuffer in, ByteBuffer out, int from, int to) {
        for (int i = from; i < to; i += LANES) {
            VectorMath.sigmoid(load(in, 4 * i)).intoByteBuffer(out, 4 * i, ORDER);
        }
    }

    /** Tanh of floats {@code [from, to)}, a whole number of vectors. */
    private static void tanh(ByteBuffer in, ByteBuffer out, int from, int to) {
        for (int i = from; i < to; i += LANES) {
            VectorMath.tanh(load(in, 4 * i)).intoByteBuffer(out, 4 * i, ORDER);
        }
    }

    private static FloatVector load(ByteBuffer b, int byteOffset) {
        return FloatVector.fromByteBuffer(SPECIES, b, byteOffset, ORDER);
    }
}
