package dev.autoencoder.tests.golden;

import dev.autoencoder.api.DType;
import dev.autoencoder.models.family.ModelSpec;
import dev.autoencoder.tests.models.GoldenModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The model-level golden fixtures: every model of the zoo with PyTorch's results, per dtype. */
public final class GoldenModels {
    private GoldenModels() {
    }

    /** The models of the fixtures with what PyTorch computed in {@code dtype}. */
    @SuppressWarnings("unchecked")
    public static List<GoldenModel> read(DType dtype) {
        GoldenFixtures inputs = GoldenFixtures.read(GoldenFixtures.MODEL_INPUTS);
        GoldenFixtures torch = GoldenFixtures.read(GoldenFixtures.MODELS_TORCH);
        List<GoldenModel> models = new ArrayList<>();
        List<Map<String, Object>> cases = inputs.cases();
        for (int i = 0; i < cases.size(); i++) {
            Map<String, Object> c = cases.get(i);
            String key = "m" + i;
            String at = key + "." + GoldenFixtures.tag(dtype) + ".";
            Map<String, double[]> parameters = new LinkedHashMap<>();
            Map<String, double[]> gradients = new LinkedHashMap<>();
            for (String name : (List<String>) c.get("parameters")) {
                parameters.put(name, inputs.values(key + ".param." + name));
                gradients.put(name, torch.values(at + "grad." + name));
            }
            Map<String, Double> terms = new LinkedHashMap<>();
            for (String name : torch.names()) {
                if (name.startsWith(at + "term.")) {
                    terms.put(name.substring((at + "term.").length()), torch.values(name)[0]);
                }
            }
            models.add(new GoldenModel((String) c.get("name"), ModelSpec.fromJson((String) c.get("spec")), parameters,
                    inputs.values(key + ".x"), ((Number) c.get("noiseSeed")).longValue(), terms, gradients,
                    torch.values(at + "reconstruction"), torch.values(at + "code")));
        }
        return models;
    }
}
