package dev.autoencoder.tests.conformance;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorBackend;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * A backend that computes with another one except where one planted bug changes a call: the subject of
 * {@link PlantedBugsTest}. Its tensors are the inner backend's (the harness and the tape only use the backend
 * they are given), and it reports its own name, so no check or override of a real backend applies to it.
 */
final class PlantedBackend {
    private PlantedBackend() {
    }

    /** What a planted bug does with one call: its result, or {@link #proceed} for the inner backend's. */
    @FunctionalInterface
    interface Bug {
        Object call(TensorBackend inner, Method method, Object[] args) throws Throwable;
    }

    /** A bug on the calls of one method (every overload); every other call goes to the inner backend. */
    static Bug on(String method, Bug bug) {
        return (inner, m, args) -> m.getName().equals(method) ? bug.call(inner, m, args) : proceed(inner, m, args);
    }

    /** The inner backend's result for the call, with its own exception (not a reflection wrapper). */
    static Object proceed(TensorBackend inner, Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(inner, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** {@code inner} with {@code bug} planted, named {@code name}. */
    static TensorBackend of(String name, TensorBackend inner, Bug bug) {
        return (TensorBackend) Proxy.newProxyInstance(TensorBackend.class.getClassLoader(), new Class<?>[] {TensorBackend.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "name" -> name;
                    case "toString" -> name + " (over " + inner.name() + ")";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> bug.call(inner, m, args == null ? new Object[0] : args);
                });
    }

    /** {@code t}'s values with {@code f} applied, as a new tensor of {@code t}'s shape and dtype. */
    static Tensor map(TensorBackend inner, Tensor t, java.util.function.DoubleUnaryOperator f) {
        double[] v = inner.toDoubles(t);
        for (int i = 0; i < v.length; i++) {
            v[i] = f.applyAsDouble(v[i]);
        }
        return inner.fromDoubles(v, t.shape(), t.dtype());
    }

    /** {@code t} rounded to F32 precision if it is F64 (its dtype stays F64). */
    static Tensor roundF64(TensorBackend inner, Tensor t) {
        return t.dtype() == DType.F64 ? map(inner, t, x -> (float) x) : t;
    }
}
