package dev.autoencoder.spark.score;

import dev.autoencoder.data.io.Sha256;
import dev.autoencoder.models.checkpoint.CheckpointException;
import dev.autoencoder.models.checkpoint.ModelCheckpoint;
import dev.autoencoder.models.checkpoint.SafeTensors;
import dev.autoencoder.models.family.ModelSpec;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A model checkpoint as the bytes of its safetensors file and their SHA-256, the form in which it is broadcast to
 * the executors. It is read and validated once on the driver, so that a damaged file fails there, not in a task.
 */
public final class CheckpointBytes implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final byte[] bytes;
    private final String sha256;
    private final String specJson;

    private CheckpointBytes(String name, byte[] bytes, String sha256, String specJson) {
        this.name = name;
        this.bytes = bytes;
        this.sha256 = sha256;
        this.specJson = specJson;
    }

    /**
     * The checkpoint in {@code file}, after checking that it is an ae model checkpoint.
     *
     * @throws CheckpointException naming the file when it cannot be read or is no ae model
     */
    public static CheckpointBytes read(Path file) {
        ModelSpec spec = ModelCheckpoint.spec(file, SafeTensors.read(file).metadata());
        try {
            return new CheckpointBytes(file.getFileName().toString(), Files.readAllBytes(file), Sha256.of(file), spec.toJson());
        } catch (IOException e) {
            throw new CheckpointException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** The file's name, for messages. */
    public String name() {
        return name;
    }

    /** The SHA-256 of the file's bytes, lower-case hex: the key of the executors' model cache. */
    public String sha256() {
        return sha256;
    }

    /** The model's spec. */
    public ModelSpec spec() {
        return ModelSpec.fromJson(specJson);
    }

    /** The bytes written to a fresh temporary file, which the caller deletes. */
    Path toTemporaryFile() throws IOException {
        Path file = Files.createTempFile("ae-" + sha256.substring(0, 12) + "-", ".safetensors");
        Files.write(file, bytes);
        return file;
    }
}
