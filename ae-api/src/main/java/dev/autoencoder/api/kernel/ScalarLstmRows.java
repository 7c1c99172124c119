package dev.autoencoder.api.kernel;

/** {@link LstmRows} in plain Java: sigmoid and tanh in F64, each rounded once to F32. */
final class ScalarLstmRows implements LstmRows {
    @Override
    public void forward(Forward x, int r0, int r1) {
        int h = x.h();
        for (int r = r0; r < r1; r++) {
            for (int j = 0; j < h; j++) {
                int gate = 4 * (4 * r * h + j);
                int unit = 4 * (r * h + j);
                float i = (float) ScalarMath.sigmoid(z(x, gate));
                float f = (float) ScalarMath.sigmoid(z(x, gate + 4 * h));
                float g = (float) Math.tanh(z(x, gate + 8 * h));
                float o = (float) ScalarMath.sigmoid(z(x, gate + 12 * h));
                x.activations().putFloat(gate, i).putFloat(gate + 4 * h, f).putFloat(gate + 8 * h, g).putFloat(gate + 12 * h, o);
                float next = f * x.cell().getFloat(unit) + i * g;
                x.newCell().putFloat(unit, next);
                x.hidden().putFloat(unit, o * (float) Math.tanh(next));
            }
        }
    }

    @Override
    public void backward(Backward x, int r0, int r1) {
        int h = x.h();
        for (int r = r0; r < r1; r++) {
            for (int j = 0; j < h; j++) {
                int gate = 4 * (4 * r * h + j);
                int unit = 4 * (r * h + j);
                float i = x.activations().getFloat(gate);
                float f = x.activations().getFloat(gate + 4 * h);
                float g = x.activations().getFloat(gate + 8 * h);
                float o = x.activations().getFloat(gate + 12 * h);
                float tc = (float) Math.tanh(x.newCell().getFloat(unit));
                float dh = x.gradHidden().getFloat(unit);
                float gc = x.gradNewCell().getFloat(unit) + (dh * o) * (1 - tc * tc);
                x.gradGates().putFloat(gate, (gc * g) * (i * (1 - i)))
                        .putFloat(gate + 4 * h, (gc * x.cell().getFloat(unit)) * (f * (1 - f)))
                        .putFloat(gate + 8 * h, (gc * i) * (1 - g * g))
                        .putFloat(gate + 12 * h, (dh * tc) * (o * (1 - o)));
                x.gradCell().putFloat(unit, gc * f);
            }
        }
    }

    /** The pre-activation gate at byte {@code at}. */
    private static float z(Forward x, int at) {
        float z = x.gates().getFloat(at);
        return x.moreGates() == null ? z : z + x.moreGates().getFloat(at);
    }
}
