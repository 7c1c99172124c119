package dev.autoencoder.tests.models;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.TensorScope;
import dev.autoencoder.api.autodiff.Gradients;
import dev.autoencoder.api.autodiff.Tape;
import dev.autoencoder.api.autodiff.Var;
import dev.autoencoder.api.random.Rng;
import dev.autoencoder.models.family.Autoencoder;
import dev.autoencoder.models.family.Loss;
import dev.autoencoder.models.nn.Forward;
import dev.autoencoder.models.nn.Init;
import dev.autoencoder.models.nn.Parameter;
import dev.autoencoder.models.optim.Adam;
import dev.autoencoder.models.family.ModelSpec;
import dev.autoencoder.models.factory.Models;
import dev.autoencoder.tests.conformance.Check;
import dev.autoencoder.tests.conformance.Comparison;
import dev.autoencoder.tests.conformance.ConformanceReport;
import dev.autoencoder.tests.conformance.Discrepancy;
import dev.autoencoder.tests.conformance.OpClass;
import dev.autoencoder.tests.conformance.Tolerance;
import dev.autoencoder.tests.conformance.ToleranceTable;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Model-level checks of one backend against the oracle (pure, F64): the same parameters (copied exactly), the
 * same batch and the same noise stream; compares every loss term, every parameter gradient, the reconstruction,
 * and the parameters after several Adam steps. Also an F64 central-difference check of the full loss.
 */
public final class ModelHarness {
    /** Samples per batch in the checks. */
    public static final int BATCH = 4;
    /** Adam steps before the parameters are compared. */
    public static final int ADAM_STEPS = 5;

    private static final long PARAMETER_SEED = 11;
    private static final long NOISE_SEED = 23;

    private final TensorBackend oracle;
    private final ToleranceTable table;
    private final ConformanceReport report;

    public ModelHarness(TensorBackend oracle, ToleranceTable table) {
        this(oracle, table, new ConformanceReport());
    }

    /** A harness that records the worst differences of its comparisons in {@code report}. */
    public ModelHarness(TensorBackend oracle, ToleranceTable table, ConformanceReport report) {
        this.oracle = oracle;
        this.table = table;
        this.report = report;
    }

    /** A model of {@code spec} on {@code backend}; the oracle's twin gets exactly its parameter values. */
    private static Autoencoder build(ModelSpec spec, TensorBackend backend, DType dtype) {
        return Models.build(spec, new Init(backend, dtype, new Rng(PARAMETER_SEED)));
    }

    private static void copyParameters(Autoencoder from, Autoencoder to) {
        Map<String, Parameter> target = to.parameters();
        from.parameters().forEach((name, p) -> {
            TensorBackend tb = target.get(name).value().backend();
            Tensor value = tb.fromDoubles(p.value().backend().toDoubles(p.value()), p.shape(), target.get(name).value().dtype());
            target.get(name).set(value);
        });
    }

    /** A batch in [0, 1] with the spec's sample shape, as exact doubles of {@code dtype}. */
    private static double[] batch(ModelSpec spec, DType dtype) {
        double[] v = new Rng(PARAMETER_SEED + 1).uniform(BATCH * spec.inputSize(), 0, 1);
        if (dtype == DType.F32) {
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) v[i];
            }
        }
        return v;
    }

    private static Shape batchShape(ModelSpec spec) {
        int[] dims = new int[spec.inputShape().size() + 1];
        dims[0] = BATCH;
        for (int i = 1; i < dims.length; i++) {
            dims[i] = spec.inputShape().get(i - 1);
        }
        return Shape.of(dims);
    }

    /** The values a run produced. */
    private record Run(Map<String, double[]> terms, Map<String, double[]> gradients, double[] reconstruction,
            Map<String, double[]> afterAdam) {
    }

    private static Run run(ModelSpec spec, Autoencoder model, TensorBackend b, DType dtype, double[] x) {
        Map<String, double[]> terms = new LinkedHashMap<>();
        Map<String, double[]> grads = new LinkedHashMap<>();
        double[] reconstruction;
        try (TensorScope scope = b.newScope()) {
            Tape tape = new Tape(b);
            Forward pass = Forward.training(tape, new Rng(NOISE_SEED), 1.0);
            Var input = tape.constant(b.fromDoubles(x, batchShape(spec), dtype));
            Loss loss = model.loss(input, input, pass);
            loss.terms().forEach((k, v) -> terms.put(k, b.toDoubles(v.value())));
            terms.put("total", b.toDoubles(loss.total().value()));
            Gradients g = tape.backward(loss.total());
            Map<Parameter, Tensor> byParam = new IdentityHashMap<>();
            pass.forEachGradient(g, byParam::put);
            model.parameters().forEach((name, p) -> grads.put(name, b.toDoubles(byParam.get(p))));
            Tape inference = new Tape(b);
            reconstruction = b.toDoubles(model.reconstruct(inference.constant(b.fromDoubles(x, batchShape(spec), dtype)),
                    Forward.inference(inference, new Rng(NOISE_SEED))).value());
        }
        Adam adam = Adam.adam(model.parameters(), 0);
        Rng noise = new Rng(NOISE_SEED + 1);
        for (int step = 0; step < ADAM_STEPS; step++) {
            try (TensorScope scope = b.newScope()) {
                Tape tape = new Tape(b);
                Forward pass = Forward.training(tape, noise, 1.0);
                Var input = tape.constant(b.fromDoubles(x, batchShape(spec), dtype));
                Gradients g = tape.backward(model.loss(input, input, pass).total());
                Map<Parameter, Tensor> byParam = new IdentityHashMap<>();
                pass.forEachGradient(g, byParam::put);
                adam.step(byParam, 1e-3, scope);
            }
        }
        Map<String, double[]> after = new LinkedHashMap<>();
        model.parameters().forEach((name, p) -> after.put(name, b.toDoubles(p.value())));
        return new Run(terms, grads, reconstruction, after);
    }

    /** Compares {@code backend} in {@code dtype} with the oracle on a tiny model of {@code spec}. */
    public void compare(TensorBackend backend, DType dtype, ModelSpec spec) {
        Autoencoder model = build(spec, backend, dtype);
        Autoencoder twin = build(spec, oracle, DType.F64);
        copyParameters(model, twin);
        double[] x = batch(spec, dtype);
        Run actual = run(spec, model, backend, dtype, x);
        Run expected = run(spec, twin, oracle, DType.F64, x);
        String family = spec.family().id();
        Tolerance modelTol = table.tolerance(Check.MODEL, family, OpClass.REDUCTION, backend.name(), dtype);
        Tolerance gradTol = table.tolerance(Check.GRADIENT, family, OpClass.REDUCTION, backend.name(), dtype);
        Observer values = new Observer(backend, dtype, Check.MODEL, family, modelTol);
        Observer gradient = new Observer(backend, dtype, Check.GRADIENT, family, gradTol);
        expected.terms().forEach((k, e) -> values.close("loss term " + k, actual.terms().get(k), e));
        expected.gradients().forEach((k, e) -> gradient.close("gradient of " + k, actual.gradients().get(k), e));
        values.close("reconstruction", actual.reconstruction(), expected.reconstruction());
        expected.afterAdam().forEach((k, e) -> values.close(k + " after " + ADAM_STEPS + " Adam steps", actual.afterAdam().get(k), e));
    }

    /** Compares the values of one check of one family, and records how close they came in the report. */
    private final class Observer {
        private final TensorBackend backend;
        private final DType dtype;
        private final Check check;
        private final String family;
        private final Tolerance tol;

        Observer(TensorBackend backend, DType dtype, Check check, String family, Tolerance tol) {
            this.backend = backend;
            this.dtype = dtype;
            this.check = check;
            this.family = family;
            this.tol = tol;
        }

        void close(String what, double[] actual, double[] expected) {
            String at = backend.name() + " " + dtype + " " + family + " " + what;
            if (actual == null) {
                throw new AssertionError(at + ": missing");
            }
            Discrepancy d = Comparison.assertClose(at, Shape.of(actual.length), actual, Shape.of(expected.length), expected, tol);
            report.observed(backend.name(), dtype, check, OpClass.REDUCTION, family + " " + what, d);
        }
    }

    /**
     * Central differences of the full training loss (fixed noise) in F64 on {@code backend} against its tape
     * gradient, for up to {@code perParameter} coordinates of every parameter.
     */
    public void gradcheck(TensorBackend backend, ModelSpec spec, int perParameter) {
        Autoencoder model = build(spec, backend, DType.F64);
        double[] x = batch(spec, DType.F64);
        Map<String, double[]> analytic = run(spec, model, backend, DType.F64, x).gradients();
        Autoencoder fresh = build(spec, backend, DType.F64);
        double eps = ToleranceTable.GRADCHECK_EPS;
        Tolerance tol = ToleranceTable.defaultTolerance(Check.GRADCHECK, OpClass.REDUCTION, DType.F64);
        Observer observer = new Observer(backend, DType.F64, Check.GRADCHECK, spec.family().id(), tol);
        fresh.parameters().forEach((name, p) -> {
            double[] base = backend.toDoubles(p.value());
            int step = Math.max(1, base.length / perParameter);
            List<Double> numeric = new ArrayList<>();
            List<Double> tape = new ArrayList<>();
            for (int j = 0; j < base.length; j += step) {
                double plus = lossWith(fresh, backend, spec, x, p, base, j, eps);
                double minus = lossWith(fresh, backend, spec, x, p, base, j, -eps);
                numeric.add((plus - minus) / (2 * eps));
                tape.add(analytic.get(name)[j]);
            }
            p.set(backend.fromDoubles(base, p.shape()));
            observer.close("gradcheck of " + name, tape.stream().mapToDouble(Double::doubleValue).toArray(),
                    numeric.stream().mapToDouble(Double::doubleValue).toArray());
        });
    }

    private static double lossWith(Autoencoder model, TensorBackend b, ModelSpec spec, double[] x, Parameter p, double[] base,
            int j, double delta) {
        double[] moved = base.clone();
        moved[j] += delta;
        p.set(b.fromDoubles(moved, p.shape()));
        try (TensorScope scope = b.newScope()) {
            Tape tape = new Tape(b);
            Forward pass = Forward.training(tape, new Rng(NOISE_SEED), 1.0);
            Var input = tape.constant(b.fromDoubles(x, batchShape(spec), DType.F64));
            return b.toDoubles(model.loss(input, input, pass).total().value())[0];
        }
    }
}
