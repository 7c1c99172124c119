package dev.autoencoder.models.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.random.Rng;
import dev.autoencoder.models.factory.Models;
import dev.autoencoder.models.family.Autoencoder;
import dev.autoencoder.models.family.ModelSpec;
import dev.autoencoder.models.nn.Init;
import dev.autoencoder.models.train.Progress;
import dev.autoencoder.models.train.TrainConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Models and training state in safetensors files. A model file holds only the weights, under PyTorch's names and
 * layouts, so {@code model.load_state_dict(safetensors.torch.load_file(path))} works on the equivalent PyTorch
 * module; its metadata holds the model spec and the provenance as JSON. Training state (optimizer moments,
 * progress) goes to a separate file. A checkpoint written by one backend loads on every other.
 */
public final class ModelCheckpoint {
    /** Metadata key of the model spec JSON. */
    public static final String SPEC = "ae.spec";
    /** Metadata key of the provenance JSON. */
    public static final String PROVENANCE = "ae.provenance";
    /** Metadata key of the training configuration JSON. */
    public static final String TRAIN_CONFIG = "ae.train_config";
    /** Metadata key of the format version. */
    public static final String FORMAT = "ae.format";
    private static final String FORMAT_VERSION = "1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelCheckpoint() {
    }

    /** A model read back, with where it came from. */
    public record Loaded(Autoencoder model, Provenance provenance) {
    }

    /** Writes {@code model}'s weights, spec and provenance to {@code file}, atomically. */
    public static void save(Path file, Autoencoder model, Provenance provenance) {
        save(file, model, provenance, null);
    }

    /** Writes {@code model}'s weights, spec, provenance and the configuration that trained it, atomically. */
    public static void save(Path file, Autoencoder model, Provenance provenance, TrainConfig trainConfig) {
        Map<String, HostTensor> tensors = new LinkedHashMap<>();
        model.parameters().forEach((name, p) -> tensors.put(name, HostTensor.of(p.value().backend(), p.value())));
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(FORMAT, FORMAT_VERSION);
        metadata.put(SPEC, model.spec().toJson());
        metadata.put(PROVENANCE, json(provenance));
        if (trainConfig != null) {
            metadata.put(TRAIN_CONFIG, json(trainConfig));
        }
        SafeTensors.write(file, tensors, metadata);
    }

    /** Reads a model written by {@link #save} onto {@code backend} in {@code dtype}, validating it against its spec. */
    public static Loaded load(Path file, TensorBackend backend, DType dtype) {
        Checkpoint checkpoint = SafeTensors.read(file);
        Map<String, String> meta = checkpoint.metadata();
        if (!meta.containsKey(SPEC)) {
            throw new CheckpointException(file, "is a safetensors file but not an ae model checkpoint (no '" + SPEC + "' metadata)");
        }
        ModelSpec spec;
        Provenance provenance;
        try {
            spec = ModelSpec.fromJson(meta.get(SPEC));
            provenance = meta.containsKey(PROVENANCE) ? JSON.readValue(meta.get(PROVENANCE), Provenance.class) : null;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new CheckpointException(file, "has unreadable ae metadata: " + e.getMessage(), e);
        }
        Map<String, HostTensor> tensors = checkpoint.tensors();
        requireTensorsOf(file, spec, tensors);
        Autoencoder model = Models.build(spec, new Init(backend, dtype, new Rng(0)));
        model.parameters().forEach((name, p) -> {
            Tensor value = tensors.get(name).toTensor(backend);
            backend.release(p.set(value.dtype() == dtype ? value : backend.cast(value, dtype)));
        });
        return new Loaded(model, provenance);
    }

    /**
     * Checks, before any model is built, that {@code tensors} are exactly the parameters {@code spec} describes, by
     * name and shape, and that every value is finite. The tensors are bounded by the file's size, so a spec that
     * asks for more than the file holds is refused here, before it can allocate.
     */
    private static void requireTensorsOf(Path file, ModelSpec spec, Map<String, HostTensor> tensors) {
        Map<String, Shape> expected;
        try {
            expected = Models.parameterShapes(spec);
        } catch (RuntimeException e) {
            throw new CheckpointException(file, "has a model spec that describes no model: " + e.getMessage(), e);
        }
        String family = spec.family().id();
        for (String name : tensors.keySet()) {
            if (!expected.containsKey(name)) {
                throw new CheckpointException(file, "holds tensor '" + name + "', which a " + family + " model does not have");
            }
        }
        expected.forEach((name, shape) -> {
            HostTensor t = tensors.get(name);
            if (t == null) {
                throw new CheckpointException(file, "lacks tensor '" + name + "' of its " + family + " model");
            }
            if (!t.shape().equals(shape)) {
                throw new CheckpointException(file, "tensor '" + name + "' has shape " + t.shape() + " but the spec needs " + shape);
            }
            requireFinite(file, name, t);
        });
    }

    private static void requireFinite(Path file, String name, HostTensor t) {
        int bad = t.firstNonFinite();
        if (bad >= 0) {
            throw new CheckpointException(file, "tensor '" + name + "' holds " + t.element(bad) + " at element " + bad
                    + "; a model with non-finite weights computes nothing useful");
        }
    }

    /** Writes the training state (optimizer slots, steps, progress, config) to {@code file}, atomically. */
    public static void saveTrainingState(Path file, TrainingState state) {
        Map<String, HostTensor> tensors = new LinkedHashMap<>();
        state.optimizerState().forEach((name, t) -> tensors.put(name, HostTensor.of(t.backend(), t)));
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(FORMAT, FORMAT_VERSION);
        metadata.put("ae.optimizer", state.optimizer());
        metadata.put("ae.optimizer_steps", Long.toString(state.optimizerSteps()));
        metadata.put("ae.progress", json(state.progress()));
        metadata.put(TRAIN_CONFIG, state.trainConfig());
        SafeTensors.write(file, tensors, metadata);
    }

    /** Reads a training state written by {@link #saveTrainingState}, its tensors on {@code backend} in {@code dtype}. */
    public static TrainingState loadTrainingState(Path file, TensorBackend backend, DType dtype) {
        Checkpoint checkpoint = SafeTensors.read(file);
        Map<String, String> meta = checkpoint.metadata();
        for (String key : new String[] {"ae.optimizer", "ae.optimizer_steps", "ae.progress", TRAIN_CONFIG}) {
            if (!meta.containsKey(key)) {
                throw new CheckpointException(file, "is not an ae training state (no '" + key + "' metadata)");
            }
        }
        try {
            Map<String, Tensor> slots = new LinkedHashMap<>();
            checkpoint.tensors().forEach((name, t) -> {
                Tensor value = t.toTensor(backend);
                slots.put(name, value.dtype() == dtype ? value : backend.cast(value, dtype));
            });
            return new TrainingState(meta.get("ae.optimizer"), slots, Long.parseLong(meta.get("ae.optimizer_steps")),
                    JSON.readValue(meta.get("ae.progress"), Progress.class), meta.get(TRAIN_CONFIG));
        } catch (JsonProcessingException | NumberFormatException e) {
            throw new CheckpointException(file, "has unreadable training-state metadata: " + e.getMessage(), e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value, e);
        }
    }
}
