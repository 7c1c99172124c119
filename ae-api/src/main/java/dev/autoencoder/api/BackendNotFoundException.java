package dev.autoencoder.api;

/** No backend could be selected: none on the classpath, an unknown name, or an ambiguous choice. */
public class BackendNotFoundException extends TensorException {
    private static final long serialVersionUID = 1L;

    public BackendNotFoundException(String message) {
        super(message);
    }
}
