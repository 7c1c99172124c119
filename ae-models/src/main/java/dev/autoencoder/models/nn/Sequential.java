package dev.autoencoder.models.nn;

import dev.autoencoder.api.autodiff.Var;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Layers applied in order. Parameters are named {@code <index>.<name>}, as in PyTorch's {@code Sequential}. */
public final class Sequential implements Layer {
    private final List<Layer> layers;

    /** The layers, applied first to last. */
    public Sequential(List<Layer> layers) {
        this.layers = List.copyOf(layers);
    }

    /** The layers, applied first to last. */
    public static Sequential of(Layer... layers) {
        return new Sequential(List.of(layers));
    }

    @Override
    public Var forward(Var x, Forward pass) {
        Var y = x;
        for (Layer layer : layers) {
            y = layer.forward(y, pass);
        }
        return y;
    }

    /** The layers in order. */
    public List<Layer> layers() {
        return layers;
    }

    @Override
    public Map<String, Parameter> parameters() {
        Map<String, Parameter> all = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            String prefix = i + ".";
            layers.get(i).parameters().forEach((name, p) -> all.put(prefix + name, p));
        }
        return all;
    }

    /** Parameters of several named modules, prefixed {@code <name>.}, in the given order. */
    public static Map<String, Parameter> prefixed(Map<String, ? extends Module> modules) {
        Map<String, Parameter> all = new LinkedHashMap<>();
        modules.forEach((name, m) -> m.parameters().forEach((k, p) -> all.put(name + "." + k, p)));
        return all;
    }
}
