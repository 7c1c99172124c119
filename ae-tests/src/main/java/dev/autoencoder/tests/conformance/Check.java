package dev.autoencoder.tests.conformance;

/** The kinds of comparison the suite makes. */
public enum Check {
    /** Forward value against the F64 oracle. */
    FORWARD,
    /** Tape gradient against the oracle's tape gradient. */
    GRADIENT,
    /** Tape gradient against central differences, in F64 on the backend under test. */
    GRADCHECK,
    /** Model loss, reconstruction and parameters against the oracle. */
    MODEL,
    /** Forward value and tape gradient against PyTorch's, from the golden fixtures (numbers under the FORWARD,
     * GRADIENT and MODEL tolerances). */
    PYTORCH,
    /** A wrong use raises the expected ae-api exception. */
    ERROR
}
