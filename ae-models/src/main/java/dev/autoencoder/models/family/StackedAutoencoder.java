package dev.autoencoder.models.family;

import dev.autoencoder.api.autodiff.Functions;
import dev.autoencoder.api.autodiff.Var;
import dev.autoencoder.data.transform.Noise;
import dev.autoencoder.models.nn.Activation;
import dev.autoencoder.models.nn.Dense;
import dev.autoencoder.models.nn.Forward;
import dev.autoencoder.models.nn.Layer;
import dev.autoencoder.models.nn.Parameter;
import dev.autoencoder.models.nn.Sequential;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stacked autoencoder (Bengio et al. 2007; Vincent et al. 2010): encoder layers {@code E_1..E_L} and mirrored
 * decoder layers {@code D_L..D_1}. Greedy pretraining trains stage k as a shallow autoencoder
 * {@code D_k(s(E_k(h_{k-1})))} on the (fixed) codes {@code h_{k-1}} of the layers below, optionally corrupted;
 * then the whole network is fine-tuned on the reconstruction loss.
 */
public final class StackedAutoencoder extends EncoderDecoder {
    private final List<Dense> encoderLayers;
    private final List<Dense> decoderLayers;
    private final Activation activation;
    private final Noise corruption;

    /**
     * @param encoderLayers {@code E_1..E_L}, each followed by the spec's activation
     * @param decoderLayers {@code D_1..D_L}, where {@code D_k} maps level k back to level k-1
     */
    public StackedAutoencoder(StackedAeSpec spec, List<Dense> encoderLayers, List<Dense> decoderLayers) {
        super(spec, encoder(encoderLayers, spec.activation()), decoder(decoderLayers, spec.activation()));
        this.encoderLayers = List.copyOf(encoderLayers);
        this.decoderLayers = List.copyOf(decoderLayers);
        this.activation = spec.activation();
        this.corruption = spec.noise();
    }

    private static Sequential encoder(List<Dense> layers, Activation activation) {
        List<Layer> seq = new ArrayList<>();
        layers.forEach(l -> {
            seq.add(l);
            seq.add(activation);
        });
        return new Sequential(seq);
    }

    private static Sequential decoder(List<Dense> layers, Activation activation) {
        List<Layer> seq = new ArrayList<>();
        for (int k = layers.size() - 1; k >= 0; k--) {
            seq.add(layers.get(k));
            if (k > 0) {
                seq.add(activation);
            }
        }
        return new Sequential(seq);
    }

    /** The greedy pretraining stages, lowest layer first; each trains only {@code E_k} and {@code D_k}. */
    @Override
    public List<Objective> pretrainingStages() {
        List<Objective> stages = new ArrayList<>();
        for (int k = 0; k < encoderLayers.size(); k++) {
            stages.add(new Stage(k));
        }
        return stages;
    }

    /** Stage k: a shallow autoencoder on the codes of the layers below it. */
    private final class Stage implements Objective {
        private final int k;

        Stage(int k) {
            this.k = k;
        }

        @Override
        public Loss loss(Var input, Var target, Forward pass) {
            Var below = input;
            for (int i = 0; i < k; i++) {
                below = activation.forward(encoderLayers.get(i).forward(below, pass), pass).detach();
            }
            Var stageInput = corruption != null && pass.training() ? InputNoise.apply(corruption, below, pass) : below;
            Var raw = decoderLayers.get(k).forward(activation.forward(encoderLayers.get(k).forward(stageInput, pass), pass), pass);
            Var reconstruction = k == 0 ? spec().likelihood().reconstructionLoss(raw, target)
                    : Functions.mse(activation.forward(raw, pass), below);
            return Loss.reconstruction(reconstruction);
        }

        @Override
        public Map<String, Parameter> parameters() {
            List<Parameter> own = new ArrayList<>(encoderLayers.get(k).parameters().values());
            own.addAll(decoderLayers.get(k).parameters().values());
            Map<String, Parameter> named = new LinkedHashMap<>();
            StackedAutoencoder.this.parameters().forEach((name, p) -> {
                if (own.contains(p)) {
                    named.put(name, p);
                }
            });
            return named;
        }
    }
}
