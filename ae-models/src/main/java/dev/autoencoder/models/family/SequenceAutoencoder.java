package dev.autoencoder.models.family;

import dev.autoencoder.api.autodiff.Var;
import dev.autoencoder.models.nn.Dense;
import dev.autoencoder.models.nn.Forward;
import dev.autoencoder.models.nn.Module;
import dev.autoencoder.models.nn.Parameter;
import dev.autoencoder.models.nn.Recurrent;
import dev.autoencoder.models.nn.Sequential;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The sequence-to-sequence autoencoder of {@link LstmAeSpec}: {@code encoder} (an LSTM or GRU) reads the window
 * {@code [n, steps, channels]}, its last hidden state, through {@code code} (a Linear) when there is one, is the
 * code; {@code expand} (a Linear, there when {@code code} is) takes the code back to the hidden size, {@code decoder}
 * is fed the result at every step, and {@code output} (a Linear) turns each of its hidden states into the step's raw
 * values. The loss is the likelihood's, a mean over every step and channel. Windows of any length encode and
 * reconstruct; {@link #decode} gives windows of the spec's length. Parameters are named as in PyTorch's module of
 * {@code encoder = nn.LSTM(channels, hidden, batch_first=True)}, {@code code = nn.Linear(hidden, latent)},
 * {@code expand = nn.Linear(latent, hidden)}, {@code decoder = nn.LSTM(hidden, hidden, batch_first=True)} and
 * {@code output = nn.Linear(hidden, channels)}.
 */
public final class SequenceAutoencoder implements Autoencoder {
    private final LstmAeSpec spec;
    private final Recurrent encoder;
    private final Optional<Dense> code;
    private final Optional<Dense> expand;
    private final Recurrent decoder;
    private final Dense output;

    /**
     * The model of {@code spec} from its layers.
     *
     * @param code   the projection of the encoder's last hidden state to the code, when the spec is {@link LstmAeSpec#projected()}
     * @param expand the projection of the code back to the decoder's input, present exactly when {@code code} is
     */
    public SequenceAutoencoder(LstmAeSpec spec, Recurrent encoder, Optional<Dense> code, Optional<Dense> expand, Recurrent decoder,
            Dense output) {
        if (code.isPresent() != expand.isPresent()) {
            throw new IllegalArgumentException("a sequence autoencoder projects to its code and back, or neither");
        }
        this.spec = spec;
        this.encoder = encoder;
        this.code = code;
        this.expand = expand;
        this.decoder = decoder;
        this.output = output;
    }

    @Override
    public LstmAeSpec spec() {
        return spec;
    }

    /**
     * Sequence models have no {@link Networks}: their inference is no chain of feed-forward layers.
     *
     * @throws IllegalArgumentException always, naming the family
     */
    @Override
    public Networks networks() {
        throw new IllegalArgumentException(spec.family().id() + " has no ONNX export yet: its recurrent encoder and decoder "
                + "(an ONNX LSTM or GRU node each) are not translated");
    }

    @Override
    public Var encode(Var x, Forward pass) {
        Var last = encoder.run(x, pass).last();
        return code.map(d -> d.forward(last, pass)).orElse(last);
    }

    @Override
    public Var decode(Var z, Forward pass) {
        return spec.likelihood().output(raw(z, spec.steps(), pass));
    }

    /** The reconstruction of windows {@code x} of any length. */
    @Override
    public Var reconstruct(Var x, Forward pass) {
        return spec.likelihood().output(raw(encode(x, pass), x.shape().dim(1), pass));
    }

    @Override
    public Loss loss(Var input, Var target, Forward pass) {
        Var raw = raw(encode(input, pass), target.shape().dim(1), pass);
        return Loss.reconstruction(spec.likelihood().reconstructionLoss(raw, target));
    }

    /** The decoder's raw values for codes {@code z [n, latent]}: {@code [n, steps, channels]}. */
    private Var raw(Var z, int steps, Forward pass) {
        int n = z.shape().dim(0);
        Var input = expand.map(d -> d.forward(z, pass)).orElse(z);
        Var hidden = decoder.repeat(input, steps, pass).stacked().reshape(n * steps, spec.hidden());
        return output.forward(hidden, pass).reshape(n, steps, spec.channels());
    }

    @Override
    public Map<String, Parameter> parameters() {
        Map<String, Module> parts = new LinkedHashMap<>();
        parts.put("encoder", encoder);
        code.ifPresent(d -> parts.put("code", d));
        expand.ifPresent(d -> parts.put("expand", d));
        parts.put("decoder", decoder);
        parts.put("output", output);
        return Sequential.prefixed(parts);
    }
}
