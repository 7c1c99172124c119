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

    /** A batch in [0, 1] as the model of {@code spec} reads it ({@link #labelled}), as exact doubles of {@code dtype}. */
    private static double[] batch(ModelSpec spec, DType dtype) {
        return labelled(spec, rounded(new Rng(PARAMETER_SEED + 1).uniform(BATCH * spec.inputSize(), 0, 1), dtype));
    }

    /**
     * Row-major {@code samples} of the spec's sample shape as its model reads them: as they are, or a conditional model's
     * each followed by the one-hot label {@code i % classes} of sample {@code i}.
     */
    public static double[] labelled(ModelSpec spec, double[] samples) {
        int classes = spec.classes();
        if (classes == 0) {
            return samples;
        }
        int per = spec.inputSize();
        int n = samples.length / per;
        double[] labelled = new double[n * (per + classes)];
        for (int i = 0; i < n; i++) {
            System.arraycopy(samples, i * per, labelled, i * (per + classes), per);
            labelled[i * (per + classes) + per + i % classes] = 1;
        }
        return labelled;
    }

    /** {@code [BATCH, sample shape...]}. */
    public static Shape batchShape(ModelSpec spec) {
        return batchShape(spec, BATCH);
    }

    /** {@code [n, sample shape...]}, or a conditional model's {@code [n, sample size + classes]}. */
    public static Shape batchShape(ModelSpec spec, int n) {
        if (spec.classes() > 0) {
            return Shape.of(n, spec.inputSize() + spec.classes());
        }
        int[] dims = new int[spec.inputShape().size() + 1];
        dims[0] = n;
        for (int i = 1; i < dims.length; i++) {
            dims[i] = spec.inputShape().get(i - 1);
        }
        return Shape.of(dims);
    }

    /** The values one training pass and inference produced. */
    private record Pass(Map<String, double[]> terms, Map<String, double[]> gradients, double[] reconstruction, double[] code) {
    }

    /** The values a run produced: one pass, then the parameters after {@link #ADAM_STEPS} Adam steps. */
    private record Run(Pass pass, Map<String, double[]> afterAdam) {
    }

    /** Every loss term and parameter gradient of one training pass with noise from {@code noiseSeed}; reconstruction and code. */
    private static Pass pass(ModelSpec spec, Autoencoder model, TensorBackend b, DType dtype, double[] x, long noiseSeed) {
        Map<String, double[]> terms = new LinkedHashMap<>();
        Map<String, double[]> grads = new LinkedHashMap<>();
        try (TensorScope scope = b.newScope()) {
            Tape tape = new Tape(b);
            Forward pass = Forward.training(tape, new Rng(noiseSeed), 1.0);
            Var input = tape.constant(b.fromDoubles(x, batchShape(spec), dtype));
            Loss loss = model.loss(input, input, pass);
            loss.terms().forEach((k, v) -> terms.put(k, b.toDoubles(v.value())));
            terms.put("total", b.toDoubles(loss.total().value()));
            Gradients g = tape.backward(loss.total());
            Map<Parameter, Tensor> byParam = new IdentityHashMap<>();
            pass.forEachGradient(g, byParam::put);
            model.parameters().forEach((name, p) -> grads.put(name, b.toDoubles(byParam.get(p))));
            Tape inference = new Tape(b);
            Forward off = Forward.inference(inference, new Rng(noiseSeed));
            Var clean = inference.constant(b.fromDoubles(x, batchShape(spec), dtype));
            return new Pass(terms, grads, b.toDoubles(model.reconstruct(clean, off).value()), b.toDoubles(model.encode(clean, off).value()));
        }
    }

    private static Run run(ModelSpec spec, Autoencoder model, TensorBackend b, DType dtype, double[] x) {
        Pass once = pass(spec, model, b, dtype, x, NOISE_SEED);
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
        return new Run(once, after);
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
        Observer values = new Observer(backend, dtype, Check.MODEL, family);
        Observer gradient = new Observer(backend, dtype, Check.GRADIENT, family);
        expected.pass().terms().forEach((k, e) -> values.close("loss term " + k, actual.pass().terms().get(k), e));
        expected.pass().gradients().forEach((k, e) -> gradient.close("gradient of " + k, actual.pass().gradients().get(k), e));
        values.close("reconstruction", actual.pass().reconstruction(), expected.pass().reconstruction());
        values.close("code", actual.pass().code(), expected.pass().code());
        expected.afterAdam().forEach((k, e) -> values.close(k + " after " + ADAM_STEPS + " Adam steps", actual.afterAdam().get(k), e));
    }

    /**
     * Compares {@code backend} in {@code dtype} with PyTorch on a golden model: the same parameters, batch and noise
     * (PyTorch replays ae's generator), every loss term, every parameter gradient, the reconstruction and the code.
     */
    public void pytorch(TensorBackend backend, DType dtype, GoldenModel golden) {
        ModelSpec spec = golden.spec();
        Autoencoder model = build(spec, backend, dtype);
        model.parameters().forEach((name, p) -> p.set(backend.fromDoubles(rounded(golden.parameters().get(name), dtype), p.shape(), dtype)));
        Pass actual = pass(spec, model, backend, dtype, rounded(golden.batch(), dtype), golden.noiseSeed());
        Observer values = new Observer(backend, dtype, Check.MODEL, spec.family().id());
        Observer gradient = new Observer(backend, dtype, Check.GRADIENT, spec.family().id());
        String at = golden.name() + " against PyTorch: ";
        if (!golden.terms().keySet().equals(actual.terms().keySet())) {
            throw new AssertionError(at + "loss terms " + actual.terms().keySet() + ", PyTorch's " + golden.terms().keySet());
        }
        golden.terms().forEach((k, e) -> values.close(at + "loss term " + k, actual.terms().get(k), new double[] {e}));
        golden.gradients().forEach((k, e) -> gradient.close(at + "gradient of " + k, actual.gradients().get(k), e));
        values.close(at + "reconstruction", actual.reconstruction(), golden.reconstruction());
        values.close(at + "code", actual.code(), golden.code());
    }

    private static double[] rounded(double[] values, DType dtype) {
        double[] v = values.clone();
        for (int i = 0; dtype == DType.F32 && i < v.length; i++) {
            v[i] = (float) v[i];
        }
        return v;
    }

    /** Compares the values of one check of one family under the table's tolerance, and records how close they came. */
    private final class Observer {
        private final TensorBackend backend;
        private final DType dtype;
        private final Check check;
        private final String family;
        private final Tolerance tol;

        Observer(TensorBackend backend, DType dtype, Check check, String family) {
            this.backend = backend;
            this.dtype = dtype;
            this.check = check;
            this.family = family;
            this.tol = check == Check.GRADCHECK ? ToleranceTable.defaultTolerance(check, OpClass.REDUCTION, dtype)
                    : table.tolerance(check, family, OpClass.REDUCTION, backend.name(), dtype);
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
        Map<String, double[]> analytic = pass(spec, model, backend, DType.F64, x, NOISE_SEED).gradients();
        Autoencoder fresh = build(spec, backend, DType.F64);
        double eps = ToleranceTable.GRADCHECK_EPS;
        Observer observer = new Observer(backend, DType.F64, Check.GRADCHECK, spec.family().id());
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
