package dev.autoencoder.tests.cli;

import static dev.autoencoder.tests.cli.Cli.on;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.autoencoder.api.DType;
import dev.autoencoder.backend.pure.PureBackend;
import dev.autoencoder.data.transform.Noise;
import dev.autoencoder.models.checkpoint.ModelCheckpoint;
import dev.autoencoder.models.family.AeSpec;
import dev.autoencoder.models.family.ContractiveAeSpec;
import dev.autoencoder.models.family.Likelihood;
import dev.autoencoder.models.family.ModelSpec;
import dev.autoencoder.models.family.SparseAeSpec;
import dev.autoencoder.models.family.Sparsity;
import dev.autoencoder.models.family.StackedAeSpec;
import dev.autoencoder.models.family.VaeSpec;
import dev.autoencoder.models.nn.Activation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ae train}'s model options: each changes the spec of the model trained (read back from its checkpoint); an
 * option that the family does not have is refused with exit 2 and one line naming the option and the family,
 * before anything is written.
 */
class CliModelOptionsTest {
    private static final List<Integer> DIGITS = List.of(64);
    private static final List<Integer> HIDDEN = List.of(32, 8);

    @TempDir
    static Path dir;

    private static int runs;

    private static Cli.Result train(Path out, String... options) {
        List<String> args = new ArrayList<>(List.of("train", "--epochs", "1", "--pretrain-epochs", "0", "--out", out.toString()));
        args.addAll(List.of(options));
        return on("pure", args.toArray(String[]::new));
    }

    private static ModelSpec trained(String... options) {
        Path out = dir.resolve("run" + runs++);
        train(out, options).ok();
        return ModelCheckpoint.load(out.resolve("model.safetensors"), new PureBackend(1), DType.F32).model().spec();
    }

    @Test
    void eachOptionChangesTheTrainedModel() {
        assertEquals(new AeSpec(DIGITS, HIDDEN, 4, Activation.TANH, Likelihood.GAUSSIAN, 0),
                trained("--activation", "tanh", "--likelihood", "gaussian"));
        assertEquals(new SparseAeSpec(DIGITS, HIDDEN, 4, Activation.RELU, Likelihood.BERNOULLI, new Sparsity.L1(0.2), 0),
                trained("--model", "sparse-ae", "--sparsity", "l1", "--sparsity-weight", "0.2"));
        assertEquals(new SparseAeSpec(DIGITS, HIDDEN, 4, Activation.RELU, Likelihood.BERNOULLI, new Sparsity.KL(0.1, 0.01), 0),
                trained("--model", "sparse-ae", "--sparsity-target", "0.1"));
        assertEquals(new ContractiveAeSpec(DIGITS, 16, Activation.TANH, Likelihood.BERNOULLI, 0.3),
                trained("--model", "contractive-ae", "--activation", "tanh", "--contractive-lambda", "0.3"));
        assertEquals(new VaeSpec(DIGITS, HIDDEN, 4, Activation.LEAKY_RELU, Likelihood.BERNOULLI, 2, 64, 0.1),
                trained("--model", "vae", "--activation", "leaky-relu", "--beta", "2", "--dropout", "0.1"));
        assertEquals(new StackedAeSpec(DIGITS, HIDDEN, 4, Activation.RELU, Likelihood.BERNOULLI, new Noise(Noise.Kind.GAUSSIAN, 0.1)),
                trained("--model", "stacked-ae", "--noise", "gaussian", "--noise-level", "0.1"));
    }

    @Test
    void anOptionTheFamilyLacksIsRefusedInOneLine() {
        Path out = dir.resolve("refused");
        train(out, "--model", "ae", "--beta", "2").badInput("--beta applies to vae, conv-vae, cvae and conv-cvae, not ae");
        train(out, "--model", "stacked-ae", "--dropout", "0.2").badInput("--dropout applies to ae, denoising-ae, sparse-ae, vae and cvae, not stacked-ae");
        train(out, "--model", "vae", "--contractive-lambda", "1").badInput("--contractive-lambda applies to contractive-ae, not vae");
        train(out, "--model", "conv-ae", "--sparsity", "l1").badInput("--sparsity applies to sparse-ae, not conv-ae");
        train(out, "--noise-level", "0.2").badInput("--noise-level applies to stacked-ae and denoising-ae, not ae");
        train(out, "--model", "contractive-ae", "--hidden", "8").badInput("--hidden applies to ae, ");
        train(out, "--model", "sparse-ae", "--sparsity", "l1", "--sparsity-target", "0.1")
                .badInput("--sparsity-target applies to the kl sparsity, not l1");
        train(out, "--model", "contractive-ae", "--activation", "relu").badInput("needs a sigmoid or tanh encoder, got relu");
        train(out, "--activation", "swish").badInput("--activation");
        train(out, "--preset", "mlp-ae", "--dropout", "0.1").badInput("--preset mlp-ae is an exact model");
        assertFalse(Files.exists(out.resolve("model.safetensors")), "nothing was trained");
    }
}
