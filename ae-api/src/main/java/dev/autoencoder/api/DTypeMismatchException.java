package dev.autoencoder.api;

/** Operands of one operation have different element types, or a dtype is not supported. */
public class DTypeMismatchException extends TensorException {
    private static final long serialVersionUID = 1L;

    public DTypeMismatchException(String message) {
        super(message);
    }
}
