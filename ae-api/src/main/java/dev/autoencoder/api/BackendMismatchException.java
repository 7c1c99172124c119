package dev.autoencoder.api;

/** Operands of one operation belong to different backends. */
public class BackendMismatchException extends TensorException {
    private static final long serialVersionUID = 1L;

    public BackendMismatchException(String message) {
        super(message);
    }
}
