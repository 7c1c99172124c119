package dev.autoencoder.models.family;

/**
 * A variational autoencoder's spec, MLP or convolutional: its loss is
 * {@code reconstructionScale * L(g(z), x) + beta * KL(q(z|x) || N(0, I))}.
 */
public sealed interface VariationalSpec extends ModelSpec permits VaeSpec, ConvVaeSpec, CvaeSpec, ConvCvaeSpec {
    /** The weight of the KL term. */
    double beta();

    /** The factor on the mean reconstruction loss: the number of data elements gives the usual ELBO; W3 uses 500. */
    double reconstructionScale();
}
