package dev.autoencoder.api;

/** Base of every error raised for a wrong use of the Tensor SPI. */
public class TensorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TensorException(String message) {
        super(message);
    }

    public TensorException(String message, Throwable cause) {
        super(message, cause);
    }
}
