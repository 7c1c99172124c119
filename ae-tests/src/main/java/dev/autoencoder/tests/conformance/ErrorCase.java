package dev.autoencoder.tests.conformance;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.TensorException;
import java.util.function.Consumer;

/**
 * A wrong use of an operation and the ae-api exception every backend must raise for it.
 *
 * @param label    what is wrong
 * @param expected the exception type
 * @param action   the wrong call
 */
public record ErrorCase(String label, Class<? extends TensorException> expected, Consumer<Context> action) {

    /**
     * What an error case may use: the backend under test, another backend instance whose tensors are foreign to
     * it, and the dtype of the check.
     */
    public record Context(TensorBackend backend, TensorBackend foreign, DType dtype) {
        /** A tensor of ones of the check's dtype on the backend under test. */
        public Tensor ones(int... dims) {
            return backend.full(Shape.of(dims), dtype, 1.0);
        }

        /** A tensor of ones in the other dtype. */
        public Tensor onesOtherDType(int... dims) {
            return backend.full(Shape.of(dims), dtype == DType.F32 ? DType.F64 : DType.F32, 1.0);
        }

        /** A tensor of ones that belongs to another backend. */
        public Tensor foreignOnes(int... dims) {
            return foreign.full(Shape.of(dims), dtype, 1.0);
        }
    }
}
