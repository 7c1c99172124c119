package dev.autoencoder.api;

/** An operation parameter (axis list, stride, padding, scalar) is out of its valid range. */
public class InvalidArgumentException extends TensorException {
    private static final long serialVersionUID = 1L;

    public InvalidArgumentException(String message) {
        super(message);
    }
}
