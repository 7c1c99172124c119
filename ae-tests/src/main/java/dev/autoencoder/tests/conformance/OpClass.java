package dev.autoencoder.tests.conformance;

/** How an operation computes, which decides its default tolerance. */
public enum OpClass {
    /** One rounding per element at most: elementwise functions, data movement, comparisons. */
    ELEMENTWISE,
    /** Many terms summed per result: reductions, matrix products, convolutions. */
    REDUCTION,
    /** A chain of several elementwise roundings (softplus, cross-entropies, KL). */
    COMPOSITE
}
