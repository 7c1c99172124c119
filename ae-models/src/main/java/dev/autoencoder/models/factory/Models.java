package dev.autoencoder.models.factory;

import dev.autoencoder.api.Shape;
import dev.autoencoder.models.family.Autoencoder;
import dev.autoencoder.models.family.ContractiveAutoencoder;
import dev.autoencoder.models.family.DenoisingAutoencoder;
import dev.autoencoder.models.family.EncoderDecoder;
import dev.autoencoder.models.family.Family;
import dev.autoencoder.models.family.ModelSpec;
import dev.autoencoder.models.family.SparseAutoencoder;
import dev.autoencoder.models.family.StackedAutoencoder;
import dev.autoencoder.models.family.VariationalAutoencoder;
import dev.autoencoder.models.nn.Activation;
import dev.autoencoder.models.nn.Conv2d;
import dev.autoencoder.models.nn.ConvTranspose2d;
import dev.autoencoder.models.nn.Dense;
import dev.autoencoder.models.nn.Init;
import dev.autoencoder.models.nn.Layer;
import dev.autoencoder.models.nn.Reshape;
import dev.autoencoder.models.nn.Sequential;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
            case AE, CONV_AE, DENOISING_AE -> encoderDecoder(spec, init);
            case SPARSE_AE -> sparse(spec, init);
            case CONTRACTIVE_AE -> contractive(spec, init);
            case STACKED_AE -> stacked(spec, init);
            case VAE, CONV_VAE -> variational(spec, init);
        };
    }

    private static Autoencoder encoderDecoder(ModelSpec spec, Init init) {
        Sequential encoder = new Sequential(spec.family().convolutional() ? convTrunkAndCode(spec, init) : mlpEncoder(spec, init, null));
        Sequential decoder = decoder(spec, init);
        if (spec.family() == Family.DENOISING_AE) {
            if (spec.corruption() == null) {
                throw new IllegalArgumentException("the denoising autoencoder needs a corruption");
            }
            return new DenoisingAutoencoder(spec, encoder, decoder, spec.corruption());
        }
        return new EncoderDecoder(spec, encoder, decoder);
    }

    private static Autoencoder sparse(ModelSpec spec, Init init) {
        Activation code = spec.sparsityTarget() > 0 ? Activation.SIGMOID : spec.activation();
        Sequential encoder = new Sequential(mlpEncoder(spec, init, code));
        return new SparseAutoencoder(spec, encoder, decoder(spec, init), spec.penaltyWeight(), spec.sparsityTarget());
    }

    private static Autoencoder contractive(ModelSpec spec, Init init) {
        if (!spec.hidden().isEmpty()) {
            throw new IllegalArgumentException("the contractive autoencoder has one encoder layer; hidden sizes "
                    + spec.hidden() + " are not supported");
        }
        Dense layer = new Dense(spec.inputSize(), spec.latent(), init);
        return new ContractiveAutoencoder(spec, layer, spec.activation(), Sequential.of(new Dense(spec.latent(), spec.inputSize(), init)),
                spec.penaltyWeight());
    }

    private static Autoencoder stacked(ModelSpec spec, Init init) {
        List<Integer> sizes = sizes(spec);
        List<Dense> encoderLayers = new ArrayList<>();
        for (int k = 0; k + 1 < sizes.size(); k++) {
            encoderLayers.add(new Dense(sizes.get(k), sizes.get(k + 1), init));
        }
        Dense[] decoderLayers = new Dense[encoderLayers.size()];
        for (int k = decoderLayers.length - 1; k >= 0; k--) {
            decoderLayers[k] = new Dense(sizes.get(k + 1), sizes.get(k), init);
        }
        return new StackedAutoencoder(spec, encoderLayers, List.of(decoderLayers), spec.activation(), spec.corruption());
    }

    private static Autoencoder variational(ModelSpec spec, Init init) {
        List<Layer> trunk = spec.family().convolutional() ? convTrunk(spec, init) : mlpTrunk(spec, init);
        int features = spec.family().convolutional() ? flatFeatures(spec) : sizes(spec).get(sizes(spec).size() - 2);
        Dense mean = new Dense(features, spec.latent(), init);
        Dense logVar = new Dense(features, spec.latent(), init);
        return new VariationalAutoencoder(spec, new Sequential(trunk), mean, logVar, decoder(spec, init));
    }

    /** {@code [input, hidden..., latent]}. */
    private static List<Integer> sizes(ModelSpec spec) {
        List<Integer> sizes = new ArrayList<>();
        sizes.add(spec.inputSize());
        sizes.addAll(spec.hidden());
        sizes.add(spec.latent());
        return sizes;
    }

    /** Dense layers with the activation between them, ending in the linear trunk output before the code. */
    private static List<Layer> mlpTrunk(ModelSpec spec, Init init) {
        List<Integer> sizes = sizes(spec);
        List<Layer> layers = new ArrayList<>();
        for (int k = 0; k + 2 < sizes.size(); k++) {
            layers.add(new Dense(sizes.get(k), sizes.get(k + 1), init));
            layers.add(spec.activation());
        }
        return layers;
    }

    /** The MLP encoder: the trunk and the code layer, followed by {@code codeActivation} if given. */
    private static List<Layer> mlpEncoder(ModelSpec spec, Init init, Activation codeActivation) {
        List<Integer> sizes = sizes(spec);
        List<Layer> layers = mlpTrunk(spec, init);
        layers.add(new Dense(sizes.get(sizes.size() - 2), spec.latent(), init));
        if (codeActivation != null) {
            layers.add(codeActivation);
        }
        return layers;
    }

    /** Side of the feature map after the stride-2 convolutions. */
    private static int finalSide(ModelSpec spec) {
        int side = spec.inputShape().get(1);
        int stride = 1 << spec.hidden().size();
        if (side % stride != 0 || !spec.inputShape().get(1).equals(spec.inputShape().get(2))) {
            throw new IllegalArgumentException("convolutional models need square inputs whose side is a multiple of "
                    + stride + " (one halving per convolution); got " + spec.inputShape() + ": pad the images");
        }
        return side / stride;
    }

    private static int flatFeatures(ModelSpec spec) {
        int side = finalSide(spec);
        return spec.hidden().get(spec.hidden().size() - 1) * side * side;
    }

    /** Conv k3 s2 p1 + activation per channel count, then flatten. */
    private static List<Layer> convTrunk(ModelSpec spec, Init init) {
        finalSide(spec);
        List<Layer> layers = new ArrayList<>();
        int in = spec.inputShape().get(0);
        for (int channels : spec.hidden()) {
            layers.add(new Conv2d(in, channels, 3, 2, 1, init));
            layers.add(spec.activation());
            in = channels;
        }
        layers.add(Reshape.flatten());
        return layers;
    }

    private static List<Layer> convTrunkAndCode(ModelSpec spec, Init init) {
        List<Layer> layers = convTrunk(spec, init);
        layers.add(new Dense(flatFeatures(spec), spec.latent(), init));
        return layers;
    }

    /** The decoder, producing raw values: the MLP mirror, or dense + reshape + transposed convolutions + a final conv. */
    private static Sequential decoder(ModelSpec spec, Init init) {
        List<Layer> layers = new ArrayList<>();
        if (spec.family().convolutional()) {
            List<Integer> ch = spec.hidden();
            int side = finalSide(spec);
            int top = ch.get(ch.size() - 1);
            layers.add(new Dense(spec.latent(), top * side * side, init));
            layers.add(new Reshape(top, side, side));
            for (int k = ch.size() - 1; k >= 0; k--) {
                int out = k == ch.size() - 1 ? top : ch.get(k);
                int in = k == ch.size() - 1 ? top : ch.get(k + 1);
                layers.add(new ConvTranspose2d(in, out, 3, 2, 1, 1, init));
                layers.add(spec.activation());
            }
            layers.add(new Conv2d(ch.get(0), spec.inputShape().get(0), 3, 1, 1, init));
            return new Sequential(layers);
        }
        List<Integer> sizes = sizes(spec);
        for (int k = sizes.size() - 1; k > 0; k--) {
            layers.add(new Dense(sizes.get(k), sizes.get(k - 1), init));
            if (k > 1) {
                layers.add(spec.activation());
            }
        }
        return new Sequential(layers);
    }
}
