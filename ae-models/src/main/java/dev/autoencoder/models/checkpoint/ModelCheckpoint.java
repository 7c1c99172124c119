package dev.autoencoder.models.checkpoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autoencoder.api.DType;
import dev.autoencoder.api.Shape;
import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.random.Rng;
import dev.autoencoder.data.catalog.DataRecipe;
import dev.autoencoder.models.factory.Models;
import dev.autoencoder.models.family.Autoencoder;
import dev.autoencoder.models.family.ModelSpec;
import dev.autoencoder.models.nn.Init;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Models in safetensors files. A model file holds only the weights, under PyTorch's names and layouts, so
 * {@code model.load_state_dict(safetensors.torch.load_file(path))} works on the equivalent PyTorch module; its
 * metadata holds the model spec and the provenance as JSON and, for the checkpoints of a training run, the data recipe
 * and the training settings, so that a checkpoint copied out of its run folder still scales its data as it was
 * trained. Reading validates everything before a model is allocated. A checkpoint written by one backend loads on
 * every other. (The training state of a run is {@code dev.autoencoder.models.run}'s.)
 */
public final class ModelCheckpoint {
    /** Metadata key of the model spec JSON. */
    public static final String SPEC = "ae.spec";
    /** Metadata key of the provenance JSON. */
    public static final String PROVENANCE = "ae.provenance";
    /** Metadata key of the training settings JSON. */
    public static final String TRAIN_CONFIG = "ae.train_config";
    /** Metadata key of the data recipe JSON. */
    public static final String RECIPE = "ae.recipe";
    /** Metadata key of the format version. */
    public static final String FORMAT = "ae.format";
    private static final String FORMAT_VERSION = "1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelCheckpoint() {
    }

    /**
     * A model read back, with where it came from and the rest of its file's metadata.
     *
     * @param model      the model, validated against its spec
     * @param provenance where it came from, when recorded
     * @param metadata   every metadata entry of the file
     */
    public record Loaded(Autoencoder model, Provenance provenance, Map<String, String> metadata) {
        /** How its training data was made, when the checkpoint carries it (self-contained checkpoints do). */
        public Optional<DataRecipe> recipe() {
            return Optional.ofNullable(metadata.get(RECIPE)).map(DataRecipe::fromJson);
        }
    }

    /** Writes {@code model}'s weights, spec and provenance to {@code file}, atomically. */
    public static void save(Path file, Autoencoder model, Provenance provenance) {
        save(file, model, provenance, Map.of());
    }

    /** Writes {@code model}'s weights, spec, provenance and {@code extra} metadata (recipe, settings...) to {@code file}, atomically. */
    public static void save(Path file, Autoencoder model, Provenance provenance, Map<String, String> extra) {
        Map<String, HostTensor> tensors = new LinkedHashMap<>();
        model.parameters().forEach((name, p) -> tensors.put(name, HostTensor.of(p.value().backend(), p.value())));
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(FORMAT, FORMAT_VERSION);
        metadata.put(SPEC, model.spec().toJson());
        metadata.put(PROVENANCE, json(provenance));
        metadata.putAll(extra);
        SafeTensors.write(file, tensors, metadata);
    }

    /** Reads a model written by {@link #save} onto {@code backend} in {@code dtype}, validating it against its spec. */
    public static Loaded load(Path file, TensorBackend backend, DType dtype) {
        Checkpoint checkpoint = SafeTensors.read(file);
        Map<String, String> meta = checkpoint.metadata();
        ModelSpec spec = spec(file, meta);
        Provenance provenance;
        try {
            provenance = meta.containsKey(PROVENANCE) ? JSON.readValue(meta.get(PROVENANCE), Provenance.class) : null;
            Optional.ofNullable(meta.get(RECIPE)).ifPresent(DataRecipe::fromJson);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new CheckpointException(file, "has unreadable ae metadata: " + e.getMessage(), e);
        }
        return new Loaded(build(file, spec, checkpoint.tensors(), backend, dtype), provenance, meta);
    }

    /** The model spec in {@code metadata} of {@code file}. */
    public static ModelSpec spec(Path file, Map<String, String> metadata) {
        if (!metadata.containsKey(SPEC)) {
            throw new CheckpointException(file, "is a safetensors file but not an ae model checkpoint (no '" + SPEC + "' metadata)");
        }
        try {
            return ModelSpec.fromJson(metadata.get(SPEC));
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(file, "has unreadable ae metadata: " + e.getMessage(), e);
        }
    }

    /**
     * The model of {@code spec} holding {@code weights} (PyTorch's names) on {@code backend} in {@code dtype}, after
     * checking that they are exactly its parameters and finite: nothing is allocated for a spec the file does not
     * back.
     *
     * @throws CheckpointException naming {@code file} and the first problem
     */
    public static Autoencoder build(Path file, ModelSpec spec, Map<String, HostTensor> weights, TensorBackend backend, DType dtype) {
        requireTensorsOf(file, spec, weights);
        Autoencoder model = Models.build(spec, new Init(backend, dtype, new Rng(0)));
        model.parameters().forEach((name, p) -> {
            Tensor value = weights.get(name).toTensor(backend);
            backend.release(p.set(value.dtype() == dtype ? value : backend.cast(value, dtype)));
        });
        return model;
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

    /** {@code value} as JSON. */
    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value, e);
        }
    }
}
