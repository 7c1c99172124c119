package dev.autoencoder.api;

/** Operand shapes do not fit the operation (the message names them). */
public class ShapeMismatchException extends TensorException {
    private static final long serialVersionUID = 1L;

    public ShapeMismatchException(String message) {
        super(message);
    }
}
