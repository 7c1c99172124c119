package dev.autoencoder.tests.conformance;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.TensorScope;
import dev.autoencoder.api.autodiff.Gradients;
import dev.autoencoder.api.autodiff.Tape;
import dev.autoencoder.api.autodiff.Var;
import dev.autoencoder.api.random.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the op-level checks of one backend against the oracle (the pure backend in F64): forward values, tape
 * gradients of {@code sum(op(x) * r)}, central-difference gradient checks in F64, and error inputs. A third-party
 * backend runs the same checks by handing its backend to these methods.
 */
public final class ConformanceHarness {
    /** Coordinates per input checked by central differences (evenly spread when an input has more). */
    private static final int GRADCHECK_COORDINATES = 96;

    private final TensorBackend oracle;
    private final TensorBackend foreign;
    private final ToleranceTable table;
    private final ConformanceReport report;

    /**
     * @param oracle  the reference backend, run in F64
     * @param foreign a backend instance other than any under test, whose tensors must be rejected as foreign
     * @param table   the tolerances
     * @param report  where passed checks are counted
     */
    public ConformanceHarness(TensorBackend oracle, TensorBackend foreign, ToleranceTable table, ConformanceReport report) {
        this.oracle = oracle;
        this.foreign = foreign;
        this.table = table;
        this.report = report;
    }

    /**
     * Every check of {@code op} on {@code backend}: for each dtype it supports and each sample, forward, tape
     * gradient and (in F64, away from kinks) central differences; then each wrong use.
     */
    public List<ConformanceCase> cases(TensorBackend backend, OpSpec op) {
        List<ConformanceCase> cases = new ArrayList<>();
        for (DType dtype : DType.values()) {
            if (!backend.capabilities().supports(dtype)) {
                continue;
            }
            for (Sample s : op.samples()) {
                cases.add(named(backend, op, dtype, Check.FORWARD, s.label(), () -> forward(backend, op, s, dtype)));
                if (op.differentiable()) {
                    cases.add(named(backend, op, dtype, Check.GRADIENT, s.label(), () -> gradient(backend, op, s, dtype)));
                    if (dtype == DType.F64 && s.gradcheck()) {
                        cases.add(named(backend, op, dtype, Check.GRADCHECK, s.label(), () -> gradcheck(backend, op, s)));
                    }
                }
            }
            for (ErrorCase e : op.errors()) {
                cases.add(named(backend, op, dtype, Check.ERROR, e.label(), () -> error(backend, op, e, dtype)));
            }
        }
        return cases;
    }

    private static ConformanceCase named(TensorBackend b, OpSpec op, DType dtype, Check check, String sample, Runnable run) {
        return new ConformanceCase(b.name() + " " + op.name() + " " + dtype + " " + check.name().toLowerCase(Locale.ROOT)
                + " [" + sample + "]", check, run);
    }

    /** Forward value on {@code backend} in {@code dtype} against the oracle on the same (rounded) inputs. */
    public void forward(TensorBackend backend, OpSpec op, Sample s, DType dtype) {
        Outcome actual = run(backend, op, s, dtype, false);
        Outcome expected = run(oracle, op, s, DType.F64, dtype, false);
        if (actual.dtype() != dtype) {
            throw new AssertionError(context(backend, op, s, dtype, "forward") + ": result dtype " + actual.dtype());
        }
        Discrepancy d = Comparison.assertClose(context(backend, op, s, dtype, "forward"), actual.shape(), actual.value(),
                expected.shape(), expected.value(), forwardTolerance(op, s, backend, dtype));
        report.observed(backend.name(), dtype, Check.FORWARD, op.opClass(), op.name() + " " + s.label(), d);
        report.passed(backend.name(), dtype, op.name(), Check.FORWARD);
    }

    /** Tape gradient on {@code backend} against the oracle's tape gradient. */
    public void gradient(TensorBackend backend, OpSpec op, Sample s, DType dtype) {
        Outcome actual = run(backend, op, s, dtype, true);
        Outcome expected = run(oracle, op, s, DType.F64, dtype, true);
        Discrepancy d = Discrepancy.NONE;
        for (int i = 0; i < actual.grads().size(); i++) {
            Arg arg = s.args().get(i);
            if (arg.differentiable()) {
                d = d.max(Comparison.assertClose(context(backend, op, s, dtype, "gradient of input " + i), arg.shape(),
                        actual.grads().get(i), arg.shape(), expected.grads().get(i), tolerance(Check.GRADIENT, op, backend, dtype)));
            }
        }
        report.observed(backend.name(), dtype, Check.GRADIENT, op.opClass(), op.name() + " " + s.label(), d);
        report.passed(backend.name(), dtype, op.name(), Check.GRADIENT);
    }

    /** Tape gradient on {@code backend} in F64 against central differences of {@code sum(op(x) * r)}. */
    public void gradcheck(TensorBackend backend, OpSpec op, Sample s) {
        Outcome analytic = run(backend, op, s, DType.F64, true);
        double eps = ToleranceTable.GRADCHECK_EPS;
        Discrepancy d = Discrepancy.NONE;
        for (int i = 0; i < s.args().size(); i++) {
            Arg arg = s.args().get(i);
            if (!arg.differentiable()) {
                continue;
            }
            int n = arg.shape().size();
            int step = Math.max(1, n / GRADCHECK_COORDINATES);
            List<Double> numeric = new ArrayList<>();
            List<Double> tape = new ArrayList<>();
            for (int j = 0; j < n; j += step) {
                double plus = objective(backend, op, s, i, j, eps, analytic.seed());
                double minus = objective(backend, op, s, i, j, -eps, analytic.seed());
                numeric.add((plus - minus) / (2 * eps));
                tape.add(analytic.grads().get(i)[j]);
            }
            Shape checked = Shape.of(numeric.size());
            d = d.max(Comparison.assertClose(context(backend, op, s, DType.F64, "gradcheck of input " + i), checked,
                    tape.stream().mapToDouble(Double::doubleValue).toArray(), checked,
                    numeric.stream().mapToDouble(Double::doubleValue).toArray(), tolerance(Check.GRADCHECK, op, backend, DType.F64)));
        }
        report.observed(backend.name(), DType.F64, Check.GRADCHECK, op.opClass(), op.name() + " " + s.label(), d);
        report.passed(backend.name(), DType.F64, op.name(), Check.GRADCHECK);
    }

    /**
     * Forward value on {@code backend} in {@code dtype} against PyTorch's, and for a differentiable op the tape's
     * vector-Jacobian product against autograd's, for the same inputs and cotangent (the golden fixtures).
     */
    public void pytorch(TensorBackend backend, OpSpec op, Sample s, DType dtype, TorchResult expected) {
        Outcome actual = run(backend, op, s, dtype, op.differentiable());
        String at = context(backend, op, s, dtype, "against PyTorch");
        Discrepancy d = Comparison.assertClose(at + ": value", actual.shape(), actual.value(), expected.shape(), expected.value(),
                forwardTolerance(op, s, backend, dtype));
        for (int i = 0; op.differentiable() && i < s.args().size(); i++) {
            if (s.args().get(i).differentiable()) {
                double[] grad = expected.grads().get(i);
                if (grad == null) {
                    throw new AssertionError(at + ": the fixture has no gradient of input " + i);
                }
                d = d.max(Comparison.assertClose(at + ": gradient of input " + i, s.args().get(i).shape(), actual.grads().get(i),
                        s.args().get(i).shape(), grad, tolerance(Check.GRADIENT, op, backend, dtype)));
            }
        }
        report.observed(backend.name(), dtype, Check.PYTORCH, op.opClass(), op.name() + " " + s.label(), d);
        report.passed(backend.name(), dtype, op.name(), Check.PYTORCH);
    }

    /** The wrong use raises the expected ae-api exception type. */
    public void error(TensorBackend backend, OpSpec op, ErrorCase e, DType dtype) {
        try (TensorScope scope = backend.newScope()) {
            e.action().accept(new ErrorCase.Context(backend, foreign, dtype));
        } catch (RuntimeException thrown) {
            if (!e.expected().isInstance(thrown)) {
                throw new AssertionError(backend.name() + " " + op.name() + " '" + e.label() + "': expected "
                        + e.expected().getSimpleName() + " but got " + thrown, thrown);
            }
            report.passed(backend.name(), dtype, op.name(), Check.ERROR);
            return;
        }
        throw new AssertionError(backend.name() + " " + op.name() + " '" + e.label() + "': expected "
                + e.expected().getSimpleName() + " but nothing was thrown");
    }

    private Tolerance forwardTolerance(OpSpec op, Sample s, TensorBackend backend, DType dtype) {
        Tolerance t = tolerance(Check.FORWARD, op, backend, dtype);
        return s.relative() ? ToleranceTable.relativeOnly(t) : t;
    }

    private Tolerance tolerance(Check check, OpSpec op, TensorBackend backend, DType dtype) {
        return table.tolerance(check, op.name(), op.opClass(), backend.name(), dtype);
    }

    private static String context(TensorBackend b, OpSpec op, Sample s, DType dtype, String what) {
        return b.name() + " " + dtype + " " + op.name() + " (" + s.label() + ", inputs " + s.args() + ") " + what;
    }

    /** Values, gradients and the gradient seed of one run. */
    private record Outcome(Shape shape, DType dtype, double[] value, List<double[]> grads, double[] seed) {
    }

    private Outcome run(TensorBackend backend, OpSpec op, Sample s, DType dtype, boolean withGrad) {
        return run(backend, op, s, dtype, dtype, withGrad);
    }

    /**
     * Runs the operation on {@code backend} in {@code dtype}, with inputs (and the gradient seed) rounded to
     * {@code valuesIn} first, so that the oracle sees exactly the numbers the backend under test saw.
     */
    private Outcome run(TensorBackend backend, OpSpec op, Sample s, DType dtype, DType valuesIn, boolean withGrad) {
        try (TensorScope scope = backend.newScope()) {
            Tape tape = new Tape(backend);
            List<Var> vars = new ArrayList<>();
            for (Arg arg : s.args()) {
                Tensor t = backend.fromDoubles(round(arg.values(), valuesIn), arg.shape(), dtype);
                vars.add(withGrad && arg.differentiable() ? tape.variable(t) : tape.constant(t));
            }
            Var out = op.fn().apply(tape, vars);
            double[] value = backend.toDoubles(out.value());
            if (!withGrad) {
                return new Outcome(out.shape(), out.dtype(), value, List.of(), null);
            }
            double[] seed = round(cotangent(op, s, out.shape()), valuesIn);
            Gradients grads = tape.backward(out, backend.fromDoubles(seed, out.shape(), dtype));
            List<double[]> g = new ArrayList<>();
            for (Var v : vars) {
                g.add(backend.toDoubles(grads.of(v)));
            }
            return new Outcome(out.shape(), out.dtype(), value, g, seed);
        }
    }

    /** The fixed cotangent {@code r} of the gradient checks of {@code s}, for an output of {@code shape}, in F64. */
    public static double[] cotangent(OpSpec op, Sample s, Shape shape) {
        return new Rng(op.name().hashCode() * 31L + s.label().hashCode()).uniform(shape.size(), -1, 1);
    }

    /** {@code sum(op(x) * seed)} in F64 with input {@code arg}'s element {@code j} moved by {@code delta}. */
    private double objective(TensorBackend backend, OpSpec op, Sample s, int arg, int j, double delta, double[] seed) {
        try (TensorScope scope = backend.newScope()) {
            Tape tape = new Tape(backend);
            List<Var> vars = new ArrayList<>();
            for (int i = 0; i < s.args().size(); i++) {
                double[] values = s.args().get(i).values();
                if (i == arg) {
                    values[j] += delta;
                }
                vars.add(tape.constant(backend.fromDoubles(values, s.args().get(i).shape())));
            }
            double[] y = backend.toDoubles(op.fn().apply(tape, vars).value());
            double sum = 0;
            for (int k = 0; k < y.length; k++) {
                sum += y[k] * seed[k];
            }
            return sum;
        }
    }

    private static double[] round(double[] values, DType dtype) {
        if (dtype == DType.F64) {
            return values;
        }
        double[] r = new double[values.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = (float) values[i];
        }
        return r;
    }
}
