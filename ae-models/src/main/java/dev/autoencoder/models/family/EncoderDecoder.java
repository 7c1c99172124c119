package dev.autoencoder.models.family;

import dev.autoencoder.api.autodiff.Var;
import dev.autoencoder.models.nn.Forward;
import dev.autoencoder.models.nn.Parameter;
import dev.autoencoder.models.nn.Sequential;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The plain autoencoder (MLP or convolutional): {@code x_hat = g(f(x))}, trained on the reconstruction loss
 * {@code L(g(f(x)), x)}. The other deterministic families extend it with a corruption or a penalty.
 */
public class EncoderDecoder implements Autoencoder {
    private final ModelSpec spec;
    private final Sequential encoder;
    private final Sequential decoder;

    /** An autoencoder of {@code encoder} (to the code) and {@code decoder} (to raw outputs). */
    public EncoderDecoder(ModelSpec spec, Sequential encoder, Sequential decoder) {
        this.spec = spec;
        this.encoder = encoder;
        this.decoder = decoder;
    }

    @Override
    public ModelSpec spec() {
        return spec;
    }

    /** The encoder network f. */
    public Sequential encoder() {
        return encoder;
    }

    /** The decoder network g, producing raw values that the likelihood turns into outputs. */
    public Sequential decoder() {
        return decoder;
    }

    @Override
    public Networks networks() {
        return new Networks(encoder, Optional.empty(), decoder, spec.likelihood());
    }

    @Override
    public Var encode(Var x, Forward pass) {
        return encoder.forward(x, pass);
    }

    @Override
    public Var decode(Var z, Forward pass) {
        return spec.likelihood().output(decoder.forward(z, pass));
    }

    @Override
    public Loss loss(Var input, Var target, Forward pass) {
        return Loss.reconstruction(reconstructionLoss(encode(input, pass), target, pass));
    }

    /** {@code L(g(h), target)} for a code {@code h}. */
    protected Var reconstructionLoss(Var h, Var target, Forward pass) {
        return spec.likelihood().reconstructionLoss(decoder.forward(h, pass), target);
    }

    @Override
    public Map<String, Parameter> parameters() {
        Map<String, Sequential> parts = new LinkedHashMap<>();
        parts.put("encoder", encoder);
        parts.put("decoder", decoder);
        return Sequential.prefixed(parts);
    }
}
