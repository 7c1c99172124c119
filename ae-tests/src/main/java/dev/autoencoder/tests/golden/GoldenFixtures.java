package dev.autoencoder.tests.golden;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import dev.autoencoder.models.checkpoint.Checkpoint;
import dev.autoencoder.models.checkpoint.HostTensor;
import dev.autoencoder.models.checkpoint.SafeTensors;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The golden fixtures: ae's inputs ({@link GoldenInputs}) and what PyTorch computed from them
 * ({@code scripts/golden_fixtures.py}, Debian's python3-torch), as safetensors files in one folder. PyTorch's
 * results are keyed like the inputs: case {@code c3} of the ops has {@code c3.f64.out} and
 * {@code c3.f64.grad1}; model {@code m2} has {@code m2.f32.term.kl}, {@code m2.f32.grad.encoder.0.weight},
 * {@code m2.f32.reconstruction} and {@code m2.f32.code}; optimizer run {@code o1} has its initial
 * parameter, its gradients and its parameters after every step.
 */
public final class GoldenFixtures {
    /** ae's registry samples and cotangents. */
    public static final String OP_INPUTS = "op-inputs.safetensors";
    /** PyTorch's values and vector-Jacobian products of every op sample. */
    public static final String OPS_TORCH = "ops.torch.safetensors";
    /** ae's model zoo: parameters and a batch per model. */
    public static final String MODEL_INPUTS = "model-inputs.safetensors";
    /** PyTorch's loss terms, gradients, reconstructions and codes of every zoo model. */
    public static final String MODELS_TORCH = "models.torch.safetensors";
    /** PyTorch's optimizer trajectories, inputs included. */
    public static final String OPTIMIZERS_TORCH = "optimizers.torch.safetensors";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Checkpoint file;

    private GoldenFixtures(Checkpoint file) {
        this.file = file;
    }

    /** The fixture file {@code name} in the test resources folder {@code golden}. */
    public static GoldenFixtures read(String name) {
        return new GoldenFixtures(SafeTensors.read(folder().resolve(name)));
    }

    /** Where the fixtures are: {@code -Dae.golden=DIR}, else the module's test resources. */
    public static Path folder() {
        return Path.of(System.getProperty("ae.golden", "src/test/resources/golden"));
    }

    /** The file's list of cases (its {@code cases} metadata). */
    public List<Map<String, Object>> cases() {
        try {
            return JSON.readValue(metadata("cases"), new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A metadata entry, which must be present. */
    public String metadata(String key) {
        String value = file.metadata().get(key);
        if (value == null) {
            throw new IllegalStateException("the golden fixture has no metadata '" + key + "'");
        }
        return value;
    }

    /** Whether the file holds tensor {@code name}. */
    public boolean has(String name) {
        return file.tensors().containsKey(name);
    }

    /** Tensor {@code name}, which must be present. */
    public HostTensor tensor(String name) {
        HostTensor t = file.tensors().get(name);
        if (t == null) {
            throw new IllegalStateException("the golden fixture has no tensor '" + name + "'; regenerate it with"
                    + " scripts/golden_fixtures.py");
        }
        return t;
    }

    /** Tensor {@code name}'s values. */
    public double[] values(String name) {
        return tensor(name).toDoubles();
    }

    /** Tensor {@code name}'s shape. */
    public Shape shape(String name) {
        return tensor(name).shape();
    }

    /** The prefix of results computed in {@code dtype}: {@code f32} or {@code f64}. */
    public static String tag(DType dtype) {
        return dtype.name().toLowerCase(Locale.ROOT);
    }

    /** The names of every tensor, in file order. */
    public List<String> names() {
        return new ArrayList<>(file.tensors().keySet());
    }

    /** A case of a fixture's list: keys and values in the order given, so that the file's bytes are reproducible. */
    static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** An input file's metadata: its cases and what it is. */
    static Map<String, String> metadata(List<Map<String, Object>> cases, String about) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("about", about);
        m.put("cases", json(cases));
        return m;
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
