package dev.autoencoder.models.factory;

import dev.autoencoder.api.Shape;
import dev.autoencoder.models.family.AeSpec;
import dev.autoencoder.models.family.Autoencoder;
import dev.autoencoder.models.family.ContractiveAeSpec;
import dev.autoencoder.models.family.ContractiveAutoencoder;
import dev.autoencoder.models.family.ConvAeSpec;
import dev.autoencoder.models.family.ConvVaeSpec;
import dev.autoencoder.models.family.DenoisingAeSpec;
import dev.autoencoder.models.family.DenoisingAutoencoder;
import dev.autoencoder.models.family.EncoderDecoder;
import dev.autoencoder.models.family.LstmAeSpec;
import dev.autoencoder.models.family.ModelSpec;
import dev.autoencoder.models.family.SequenceAutoencoder;
import dev.autoencoder.models.family.SparseAeSpec;
import dev.autoencoder.models.family.SparseAutoencoder;
import dev.autoencoder.models.family.StackedAeSpec;
import dev.autoencoder.models.family.StackedAutoencoder;
import dev.autoencoder.models.family.VaeSpec;
import dev.autoencoder.models.family.VariationalAutoencoder;
import dev.autoencoder.models.family.VariationalSpec;
import dev.autoencoder.models.nn.Activation;
import dev.autoencoder.models.nn.Conv2d;
import dev.autoencoder.models.nn.ConvTranspose2d;
import dev.autoencoder.models.nn.Dense;
import dev.autoencoder.models.nn.Dropout;
import dev.autoencoder.models.nn.Init;
import dev.autoencoder.models.nn.Layer;
import dev.autoencoder.models.nn.Recurrent;
import dev.autoencoder.models.nn.Reshape;
import dev.autoencoder.models.nn.Sequential;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds the model a {@link ModelSpec} describes, drawing its parameters from {@link Init} in a fixed order
 * (encoder, heads, decoder), so the same seed gives the same parameters on every backend. This is the plain
 * factory; Guice users inject {@link ModelFactory}.
 */
public final class Models {
    private Models() {
    }

    /**
     * The name and shape of every parameter the model of {@code spec} has, found without allocating any of them.
     *
     * @throws IllegalArgumentException when the spec describes no buildable model
     */
    public static Map<String, Shape> parameterShapes(ModelSpec spec) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        build(spec, Init.shapesOnly()).parameters().forEach((name, p) -> shapes.put(name, p.shape()));
        return shapes;
    }

    /** The model of {@code spec} with freshly initialised parameters. */
    public static Autoencoder build(ModelSpec spec, Init init) {
        return switch (spec.family()) {
            case AE -> plain((AeSpec) spec, init);
            case STACKED_AE -> stacked((StackedAeSpec) spec, init);
            case DENOISING_AE -> denoising((DenoisingAeSpec) spec, init);
            case CONTRACTIVE_AE -> contractive((ContractiveAeSpec) spec, init);
            case SPARSE_AE -> sparse((SparseAeSpec) spec, init);
            case CONV_AE -> convolutional((ConvAeSpec) spec, init);
            case VAE -> variational((VaeSpec) spec, init);
            case CONV_VAE -> variational((ConvVaeSpec) spec, init);
            case LSTM_AE -> sequence((LstmAeSpec) spec, init);
        };
    }

    private static Autoencoder plain(AeSpec spec, Init init) {
        Mlp mlp = new Mlp(spec, spec.hidden(), spec.activation(), spec.dropout());
        return new EncoderDecoder(spec, mlp.encoder(init, null), mlp.decoder(init));
    }

    private static Autoencoder denoising(DenoisingAeSpec spec, Init init) {
        Mlp mlp = new Mlp(spec, spec.hidden(), spec.activation(), spec.dropout());
        return new DenoisingAutoencoder(spec, mlp.encoder(init, null), mlp.decoder(init));
    }

    private static Autoencoder sparse(SparseAeSpec spec, Init init) {
        Mlp mlp = new Mlp(spec, spec.hidden(), spec.activation(), spec.dropout());
        return new SparseAutoencoder(spec, mlp.encoder(init, spec.sparsity().codeActivation(spec.activation())), mlp.decoder(init));
    }

    private static Autoencoder contractive(ContractiveAeSpec spec, Init init) {
        Dense layer = new Dense(spec.inputSize(), spec.latent(), init);
        return new ContractiveAutoencoder(spec, layer, Sequential.of(new Dense(spec.latent(), spec.inputSize(), init)));
    }

    private static Autoencoder stacked(StackedAeSpec spec, Init init) {
        List<Integer> sizes = new Mlp(spec, spec.hidden(), spec.activation(), 0).sizes();
        List<Dense> encoderLayers = new ArrayList<>();
        for (int k = 0; k + 1 < sizes.size(); k++) {
            encoderLayers.add(new Dense(sizes.get(k), sizes.get(k + 1), init));
        }
        Dense[] decoderLayers = new Dense[encoderLayers.size()];
        for (int k = decoderLayers.length - 1; k >= 0; k--) {
            decoderLayers[k] = new Dense(sizes.get(k + 1), sizes.get(k), init);
        }
        return new StackedAutoencoder(spec, encoderLayers, List.of(decoderLayers));
    }

    private static Autoencoder convolutional(ConvAeSpec spec, Init init) {
        Conv conv = new Conv(spec, spec.channels(), spec.activation());
        Sequential encoder = new Sequential(conv.encoder(init, true));
        return new EncoderDecoder(spec, encoder, conv.decoder(init));
    }

    /** Encoder, code projection (when there is one), decoder and output layer, in that order. */
    private static Autoencoder sequence(LstmAeSpec spec, Init init) {
        Recurrent encoder = spec.cell().layer(spec.channels(), spec.hidden(), init);
        Optional<Dense> code = spec.projected() ? Optional.of(new Dense(spec.hidden(), spec.latent(), init)) : Optional.empty();
        Recurrent decoder = spec.cell().layer(spec.latent(), spec.hidden(), init);
        return new SequenceAutoencoder(spec, encoder, code, decoder, new Dense(spec.hidden(), spec.channels(), init));
    }

    private static Autoencoder variational(VaeSpec spec, Init init) {
        Mlp mlp = new Mlp(spec, spec.hidden(), spec.activation(), spec.dropout());
        return variational(spec, mlp.trunk(init), mlp.sizes().get(mlp.sizes().size() - 2), mlp::decoder, init);
    }

    private static Autoencoder variational(ConvVaeSpec spec, Init init) {
        Conv conv = new Conv(spec, spec.channels(), spec.activation());
        return variational(spec, conv.encoder(init, false), conv.flatFeatures(), conv::decoder, init);
    }

    /** A variational model of {@code trunk} (to {@code features} values), its two heads and its decoder, in that order. */
    private static Autoencoder variational(VariationalSpec spec, List<Layer> trunk, int features,
            Function<Init, Sequential> decoder, Init init) {
        Dense mean = new Dense(features, spec.latent(), init);
        Dense logVar = new Dense(features, spec.latent(), init);
        return new VariationalAutoencoder(spec, new Sequential(trunk), mean, logVar, decoder.apply(init));
    }

    /**
     * An MLP of sizes {@code [input, hidden..., latent]}: the activation after every hidden layer, followed by
     * dropout when its probability is above 0 (and only then, so that the layer indices of PyTorch's names stay
     * those of a model without dropout).
     */
    private record Mlp(List<Integer> sizes, Activation activation, double dropout) {
        Mlp(ModelSpec spec, List<Integer> hidden, Activation activation, double dropout) {
            this(sizes(spec, hidden), activation, dropout);
        }

        private static List<Integer> sizes(ModelSpec spec, List<Integer> hidden) {
            List<Integer> sizes = new ArrayList<>();
            sizes.add(spec.inputSize());
            sizes.addAll(hidden);
            sizes.add(spec.latent());
            return sizes;
        }

        private void hiddenLayer(List<Layer> layers, int in, int out, Init init) {
            layers.add(new Dense(in, out, init));
            layers.add(activation);
            if (dropout > 0) {
                layers.add(new Dropout(dropout));
            }
        }

        /** The hidden layers, up to the trunk's output before the code. */
        List<Layer> trunk(Init init) {
            List<Layer> layers = new ArrayList<>();
            for (int k = 0; k + 2 < sizes.size(); k++) {
                hiddenLayer(layers, sizes.get(k), sizes.get(k + 1), init);
            }
            return layers;
        }

        /** The trunk and the code layer, followed by {@code codeActivation} if given. */
        Sequential encoder(Init init, Activation codeActivation) {
            List<Layer> layers = trunk(init);
            layers.add(new Dense(sizes.get(sizes.size() - 2), sizes.get(sizes.size() - 1), init));
            if (codeActivation != null) {
                layers.add(codeActivation);
            }
            return new Sequential(layers);
        }

        /** The mirror of the encoder, producing raw values. */
        Sequential decoder(Init init) {
            List<Layer> layers = new ArrayList<>();
            for (int k = sizes.size() - 1; k > 1; k--) {
                hiddenLayer(layers, sizes.get(k), sizes.get(k - 1), init);
            }
            layers.add(new Dense(sizes.get(1), sizes.get(0), init));
            return new Sequential(layers);
        }
    }

    /** Stride-2 convolutions (kernel 3, padding 1) of {@code channels} on {@code [c, side, side]} inputs. */
    private record Conv(List<Integer> inputShape, List<Integer> channels, int latent, Activation activation) {
        Conv(ModelSpec spec, List<Integer> channels, Activation activation) {
            this(spec.inputShape(), channels, spec.latent(), activation);
        }

        /** Side of the feature map after the convolutions (the spec checked that they halve it exactly). */
        int finalSide() {
            return inputShape.get(1) >> channels.size();
        }

        int flatFeatures() {
            return channels.get(channels.size() - 1) * finalSide() * finalSide();
        }

        /** Conv + activation per channel count, then flatten, then (with {@code code}) the dense code layer. */
        List<Layer> encoder(Init init, boolean code) {
            List<Layer> layers = new ArrayList<>();
            int in = inputShape.get(0);
            for (int out : channels) {
                layers.add(new Conv2d(in, out, 3, 2, 1, init));
                layers.add(activation);
                in = out;
            }
            layers.add(Reshape.flatten());
            if (code) {
                layers.add(new Dense(flatFeatures(), latent, init));
            }
            return layers;
        }

        /** Dense + reshape, transposed convolutions + activation, and a final convolution, producing raw values. */
        Sequential decoder(Init init) {
            List<Layer> layers = new ArrayList<>();
            int side = finalSide();
            int top = channels.get(channels.size() - 1);
            layers.add(new Dense(latent, top * side * side, init));
            layers.add(new Reshape(top, side, side));
            for (int k = channels.size() - 1; k >= 0; k--) {
                int out = k == channels.size() - 1 ? top : channels.get(k);
                int in = k == channels.size() - 1 ? top : channels.get(k + 1);
                layers.add(new ConvTranspose2d(in, out, 3, 2, 1, 1, init));
                layers.add(activation);
            }
            layers.add(new Conv2d(channels.get(0), inputShape.get(0), 3, 1, 1, init));
            return new Sequential(layers);
        }
    }
}
