package dev.autoencoder.tests.conformance;

import dev.autoencoder.api.Shape;
import dev.autoencoder.api.TensorException;
import dev.autoencoder.api.random.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Builds one {@link OpSpec} with seeded inputs, so the registry reads as a list of operations. */
final class SpecBuilder {
    private final String name;
    private final String primitive;
    private final OpClass opClass;
    private final OpFunction fn;
    private final Rng rng;
    private final List<Sample> samples = new ArrayList<>();
    private final List<ErrorCase> errors = new ArrayList<>();
    private boolean differentiable = true;

    SpecBuilder(String name, String primitive, OpClass opClass, OpFunction fn) {
        this.name = name;
        this.primitive = primitive;
        this.opClass = opClass;
        this.fn = fn;
        this.rng = new Rng(name.hashCode());
    }

    /** Inputs drawn uniformly from {@code [lo, hi)}; differentiable. */
    ArgMaker u(double lo, double hi) {
        return dims -> new Arg(Shape.of(dims), rng.uniform(Shape.of(dims).size(), lo, hi), true);
    }

    /** Inputs drawn uniformly from {@code [lo, hi)}; constant (no gradient). */
    ArgMaker c(double lo, double hi) {
        return dims -> new Arg(Shape.of(dims), rng.uniform(Shape.of(dims).size(), lo, hi), false);
    }

    /** Integers drawn from {@code lo..hi}, so that ties and zeros occur; differentiable. */
    ArgMaker ints(int lo, int hi) {
        return dims -> {
            double[] v = new double[Shape.of(dims).size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = lo + rng.nextInt(hi - lo + 1);
            }
            return new Arg(Shape.of(dims), v, true);
        };
    }

    SpecBuilder sample(String label, Arg... args) {
        samples.add(new Sample(label, List.of(args), true));
        return this;
    }

    /**
     * A sample whose results are tiny (far below any absolute tolerance): its forward values are compared
     * relatively only, so that a wrong tiny value (a flush to 0, a clamp) fails. The label says so.
     */
    SpecBuilder sampleRelative(String label, Arg... args) {
        samples.add(new Sample(label, List.of(args), true, true));
        return this;
    }

    /**
     * A sample where central differences do not apply (a kink or tie, where the derivative is undefined, or an
     * operation that rounds through F32): forward and tape gradient are still compared. The label says why.
     */
    SpecBuilder sampleWithoutGradcheck(String label, Arg... args) {
        samples.add(new Sample(label, List.of(args), false));
        return this;
    }

    SpecBuilder error(String label, Class<? extends TensorException> expected, Consumer<ErrorCase.Context> action) {
        errors.add(new ErrorCase(label, expected, action));
        return this;
    }

    SpecBuilder notDifferentiable() {
        differentiable = false;
        return this;
    }

    OpSpec build() {
        return new OpSpec(name, primitive, opClass, fn, differentiable, samples, errors);
    }

    /** Makes an {@link Arg} of the given dimensions. */
    @FunctionalInterface
    interface ArgMaker {
        Arg of(int... dims);
    }
}
