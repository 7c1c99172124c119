package dev.autoencoder.onnx;

import dev.autoencoder.data.catalog.DataRecipe;
import dev.autoencoder.data.io.AtomicFiles;
import dev.autoencoder.models.checkpoint.ModelCheckpoint;
import dev.autoencoder.models.checkpoint.Provenance;
import dev.autoencoder.models.family.Autoencoder;
import dev.autoencoder.onnx.proto.ModelProto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A trained model's inference graphs as ONNX files ({@link Part}): opset {@value #OPSET} (IR version
 * {@value #IR_VERSION}), float32, a dynamic batch dimension, the weights as initializers under PyTorch's names. Each
 * file's {@code metadata_props} hold the model spec ({@value ModelCheckpoint#SPEC}), the provenance
 * ({@value ModelCheckpoint#PROVENANCE}) and the data recipe ({@value ModelCheckpoint#RECIPE}) where known, as a
 * checkpoint holds them, and the part ({@value #PART}). Inputs are in the model's scaled units: raw data goes
 * through the recipe's scaling first, as {@code ae} scales it. Training graphs (losses, noise, sampling) are not
 * exported.
 *
 * <pre>{@code
 * OnnxExporter exporter = OnnxExporter.of(ModelCheckpoint.load(file, backend, DType.F32));
 * List<Path> written = exporter.write(folder, List.of(Part.values()), false);
 * }</pre>
 */
public final class OnnxExporter {
    /** The version of the default operator set the files use. */
    public static final int OPSET = 17;
    /** The version of the ONNX format of the files (the one of opset 17). */
    public static final int IR_VERSION = 8;
    /** Metadata key of the part a file holds. */
    public static final String PART = "ae.part";

    private final Autoencoder model;
    private final Provenance provenance;
    private final Optional<DataRecipe> recipe;
    private final InferenceGraphs graphs;

    /**
     * An exporter of {@code model}.
     *
     * @param provenance where the model came from, or null when unknown
     * @param recipe     how its training data was made, when known
     */
    public OnnxExporter(Autoencoder model, Provenance provenance, Optional<DataRecipe> recipe) {
        this.model = model;
        this.provenance = provenance;
        this.recipe = recipe;
        this.graphs = new InferenceGraphs(model);
    }

    /** An exporter of a loaded checkpoint's model, with its provenance and data recipe. */
    public static OnnxExporter of(ModelCheckpoint.Loaded checkpoint) {
        return new OnnxExporter(checkpoint.model(), checkpoint.provenance(), checkpoint.recipe());
    }

    /**
     * The ONNX model of {@code part}, ready to be written.
     *
     * @throws IllegalArgumentException when the model has a layer that has no ONNX translation
     */
    public ModelProto model(Part part) {
        return new ModelProto(IR_VERSION, OPSET, "ae", Provenance.frameworkVersion(), graphs.description(part), graphs.graph(part),
                metadata(part));
    }

    /** The file of {@code part}, {@code model(part)}'s bytes. */
    public byte[] bytes(Part part) {
        return model(part).toByteArray();
    }

    /**
     * Writes each of {@code parts} into {@code folder} as {@link Part#fileName()}, each file atomically. Unless
     * {@code force}, it first checks that none of them exists, and writes nothing when one does.
     *
     * @return the files written, in the order of {@code parts}
     * @throws IllegalArgumentException naming an existing file (without {@code force}), or a layer without translation
     * @throws dev.autoencoder.data.DataException when a file cannot be written
     */
    public List<Path> write(Path folder, List<Part> parts, boolean force) {
        List<Path> files = parts.stream().map(p -> folder.resolve(p.fileName())).toList();
        if (!force) {
            files.stream().filter(Files::exists).findFirst().ifPresent(f -> {
                throw new IllegalArgumentException(f + " already exists; export with force (ae export --force) to replace it");
            });
        }
        for (int i = 0; i < parts.size(); i++) {
            byte[] bytes = bytes(parts.get(i));
            AtomicFiles.write(files.get(i), out -> out.write(bytes));
        }
        return files;
    }

    private Map<String, String> metadata(Part part) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(ModelCheckpoint.SPEC, model.spec().toJson());
        if (provenance != null) {
            metadata.put(ModelCheckpoint.PROVENANCE, ModelCheckpoint.json(provenance));
        }
        recipe.ifPresent(r -> metadata.put(ModelCheckpoint.RECIPE, r.toJson()));
        metadata.put(PART, part.id());
        return metadata;
    }
}
