package dev.autoencoder.models.factory;

import dev.autoencoder.api.Shape;
import dev.autoencoder.models.family.AeSpec;
import dev.autoencoder.models.family.Autoencoder;
import dev.autoencoder.models.family.ContractiveAeSpec;
import dev.autoencoder.models.family.ContractiveAutoencoder;
import dev.autoencoder.models.family.Conv1dAeSpec;
import dev.autoencoder.models.family.ConvAeSpec;
import dev.autoencoder.models.family.Conditioning;
import dev.autoencoder.models.family.ConvCvaeSpec;
import dev.autoencoder.models.family.ConvVaeSpec;
import dev.autoencoder.models.family.CvaeSpec;
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
import dev.autoencoder.models.nn.Conv1d;
import dev.autoencoder.models.nn.Conv2d;
import dev.autoencoder.models.nn.ConvTranspose1d;
import dev.autoencoder.models.nn.ConvTranspose2d;
import dev.autoencoder.models.nn.Dense;
import dev.autoencoder.models.nn.Dropout;
import dev.autoencoder.models.nn.Init;
import dev.autoencoder.models.nn.Layer;
import dev.autoencoder.models.nn.Recurrent;
import dev.autoencoder.models.nn.Reshape;
import dev.autoencoder.models.nn.Sequential;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;

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
            case CVAE -> conditional((CvaeSpec) spec, init);
            case CONV_CVAE -> conditional((ConvCvaeSpec) spec, init);
            case LSTM_AE -> sequence((LstmAeSpec) spec, init);
            case CONV1D_AE -> windows((Conv1dAeSpec) spec, init);
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
        return convolutional(spec, new Conv(spec, spec.channels(), 3, spec.activation(), Axes.TWO), init);
    }

    private static Autoencoder windows(Conv1dAeSpec spec, Init init) {
        return convolutional(spec, new Conv(spec, spec.channels(), spec.kernel(), spec.activation(), Axes.ONE), init);
    }

    /** The convolutions to a dense code and back: conv-ae's on images, conv1d-ae's on windows of a series. */
    private static Autoencoder convolutional(ModelSpec spec, Conv conv, Init init) {
        Sequential encoder = new Sequential(conv.encoder(init, true));
        return new EncoderDecoder(spec, encoder, conv.decoder(init));
    }

    /** Encoder, code projection and its way back (when there are), decoder and output layer, in that order. */
    private static Autoencoder sequence(LstmAeSpec spec, Init init) {
        Recurrent encoder = spec.cell().layer(spec.channels(), spec.hidden(), init);
        Optional<Dense> code = spec.projected() ? Optional.of(new Dense(spec.hidden(), spec.latent(), init)) : Optional.empty();
        Optional<Dense> expand = spec.projected() ? Optional.of(new Dense(spec.latent(), spec.hidden(), init)) : Optional.empty();
        Recurrent decoder = spec.cell().layer(spec.hidden(), spec.hidden(), init);
        return new SequenceAutoencoder(spec, encoder, code, expand, decoder, new Dense(spec.hidden(), spec.channels(), init));
    }

    private static Autoencoder variational(VaeSpec spec, Init init) {
        Mlp mlp = new Mlp(spec, spec.hidden(), spec.activation(), spec.dropout());
        return variational(spec, mlp.trunk(init), mlp.sizes().get(mlp.sizes().size() - 2), mlp::decoder, Conditioning.none(), init);
    }

    private static Autoencoder variational(ConvVaeSpec spec, Init init) {
        Conv conv = new Conv(spec, spec.channels(), 3, spec.activation(), Axes.TWO);
        return variational(spec, conv.encoder(init, false), conv.flatFeatures(), conv::decoder, Conditioning.none(), init);
    }

    /**
     * The VAE's MLPs with the label beside the input and the code: a trunk of {@code features + classes} inputs, a decoder
     * of {@code latent + classes}.
     */
    private static Autoencoder conditional(CvaeSpec spec, Init init) {
        List<Integer> sizes = new Mlp(spec, spec.hidden(), spec.activation(), spec.dropout()).sizes();
        int last = sizes.size() - 1;
        List<Integer> encoder = new ArrayList<>(sizes);
        encoder.set(0, spec.inputSize() + spec.classes());
        List<Integer> decoder = new ArrayList<>(sizes);
        decoder.set(last, spec.latent() + spec.classes());
        return variational(spec, new Mlp(encoder, spec.activation(), spec.dropout()).trunk(init), encoder.get(last - 1),
                new Mlp(decoder, spec.activation(), spec.dropout())::decoder, Conditioning.atInput(spec.inputShape(), spec.classes()),
                init);
    }

    /** conv-vae's convolutions, heads over their flattened features and the label, a decoder of {@code latent + classes}. */
    private static Autoencoder conditional(ConvCvaeSpec spec, Init init) {
        Conv conv = new Conv(spec, spec.channels(), 3, spec.activation(), Axes.TWO);
        Conv decoder = new Conv(spec.inputShape(), spec.channels(), 3, spec.latent() + spec.classes(), spec.activation(), Axes.TWO);
        return variational(spec, conv.encoder(init, false), conv.flatFeatures() + spec.classes(), decoder::decoder,
                Conditioning.afterTrunk(spec.inputShape(), spec.classes()), init);
    }

    /**
     * A variational model of {@code trunk} (to {@code features} values, the label's included), its two heads and its decoder,
     * in that order.
     */
    private static Autoencoder variational(VariationalSpec spec, List<Layer> trunk, int features,
            Function<Init, Sequential> decoder, Conditioning conditioning, Init init) {
        Dense mean = new Dense(features, spec.latent(), init);
        Dense logVar = new Dense(features, spec.latent(), init);
        return new VariationalAutoencoder(spec, new Sequential(trunk), mean, logVar, decoder.apply(init), conditioning);
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

    /** The spatial axes a convolutional stack runs over, and its layers there. */
    private enum Axes {
        /** Height and width of images {@code [c, side, side]}: {@code Conv2d} and {@code ConvTranspose2d}. */
        TWO {
            @Override
            Layer conv(int in, int out, int kernel, int stride, Init init) {
                return new Conv2d(in, out, kernel, stride, kernel / 2, init);
            }

            @Override
            Layer upsample(int in, int out, int kernel, Init init) {
                return new ConvTranspose2d(in, out, kernel, 2, kernel / 2, 1, init);
            }
        },
        /** The steps of windows {@code [c, steps]}: {@code Conv1d} and {@code ConvTranspose1d}. */
        ONE {
            @Override
            Layer conv(int in, int out, int kernel, int stride, Init init) {
                return new Conv1d(in, out, kernel, stride, kernel / 2, init);
            }

            @Override
            Layer upsample(int in, int out, int kernel, Init init) {
                return new ConvTranspose1d(in, out, kernel, 2, kernel / 2, 1, init);
            }
        };

        /** A convolution of an odd {@code kernel} padded by {@code kernel / 2}: it divides every spatial size by {@code stride}. */
        abstract Layer conv(int in, int out, int kernel, int stride, Init init);

        /** The transposed convolution that doubles every spatial size (stride 2, output padding 1). */
        abstract Layer upsample(int in, int out, int kernel, Init init);
    }

    /**
     * Stride-2 convolutions (odd {@code kernel}, padding {@code kernel / 2}) of {@code channels} over the {@code axes} of
     * inputs {@code [c, spatial...]}: images {@code [c, side, side]} or windows {@code [c, steps]}.
     */
    private record Conv(List<Integer> inputShape, List<Integer> channels, int kernel, int latent, Activation activation, Axes axes) {
        Conv(ModelSpec spec, List<Integer> channels, int kernel, Activation activation, Axes axes) {
            this(spec.inputShape(), channels, kernel, spec.latent(), activation, axes);
        }

        /** The spatial sizes of the feature map after the convolutions (the spec checked that they halve each exactly). */
        int[] finalSizes() {
            return inputShape.subList(1, inputShape.size()).stream().mapToInt(s -> s >> channels.size()).toArray();
        }

        int top() {
            return channels.get(channels.size() - 1);
        }

        int flatFeatures() {
            return top() * Arrays.stream(finalSizes()).reduce(1, (a, b) -> a * b);
        }

        /** Conv + activation per channel count, then flatten, then (with {@code code}) the dense code layer. */
        List<Layer> encoder(Init init, boolean code) {
            List<Layer> layers = new ArrayList<>();
            int in = inputShape.get(0);
            for (int out : channels) {
                layers.add(axes.conv(in, out, kernel, 2, init));
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
            int top = top();
            layers.add(new Dense(latent, flatFeatures(), init));
            layers.add(new Reshape(IntStream.concat(IntStream.of(top), Arrays.stream(finalSizes())).toArray()));
            for (int k = channels.size() - 1; k >= 0; k--) {
                int out = k == channels.size() - 1 ? top : channels.get(k);
                int in = k == channels.size() - 1 ? top : channels.get(k + 1);
                layers.add(axes.upsample(in, out, kernel, init));
                layers.add(activation);
            }
            layers.add(axes.conv(channels.get(0), inputShape.get(0), kernel, 1, init));
            return new Sequential(layers);
        }
    }
}
