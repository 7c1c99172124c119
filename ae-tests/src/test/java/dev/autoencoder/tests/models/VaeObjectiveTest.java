package dev.autoencoder.tests.models;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.TensorScope;
import dev.autoencoder.api.autodiff.Tape;
import dev.autoencoder.api.autodiff.Var;
import dev.autoencoder.api.random.Rng;
import dev.autoencoder.backend.pure.PureBackend;
import dev.autoencoder.models.factory.Models;
import dev.autoencoder.models.family.Likelihood;
import dev.autoencoder.models.family.VaeSpec;
import dev.autoencoder.models.family.VariationalAutoencoder;
import dev.autoencoder.models.nn.Activation;
import dev.autoencoder.models.nn.Forward;
import dev.autoencoder.models.nn.Init;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A VAE whose reconstruction scale is the number of elements minimises the negative ELBO: its reconstruction term is
 * {@code -log p(x | z)} summed over the elements, for the Gaussian likelihood as for the Bernoulli one.
 */
class VaeObjectiveTest {
    @Test
    void theReconstructionTermIsTheNegativeLogLikelihood() {
        PureBackend b = new PureBackend(1);
        for (Likelihood likelihood : Likelihood.values()) {
            VaeSpec spec = new VaeSpec(List.of(12), List.of(7), 2, Activation.TANH, likelihood, 1, 12, 0);
            VariationalAutoencoder vae = (VariationalAutoencoder) Models.build(spec, new Init(b, DType.F64, new Rng(3)));
            double[] x = new Rng(4).uniform(5 * 12, 0, 1);
            try (TensorScope scope = b.newScope()) {
                Tape tape = new Tape(b);
                Var batch = tape.constant(b.cast(b.fromDoubles(x, Shape.of(5, 12)), DType.F64));
                double term = b.toDoubles(vae.loss(batch, batch, Forward.inference(tape, new Rng(9))).terms().get("reconstruction")
                        .value())[0];
                // the same epsilon (the same generator, the same single draw), scored as -log p(x | z) per sample
                double nll = -b.toDoubles(vae.reconstructionLogProbability(batch, 1, Forward.inference(tape, new Rng(9))).mean()
                        .value())[0];
                assertEquals(nll, term, 1e-12 * Math.abs(nll), likelihood + ": the reconstruction term of the objective");
            }
        }
    }
}
