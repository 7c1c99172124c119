package dev.autoencoder.spark.score;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.guice.BackendSettings;
import dev.autoencoder.api.guice.Backends;
import dev.autoencoder.models.checkpoint.ModelCheckpoint;
import dev.autoencoder.models.family.Autoencoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The models of one executor JVM, each loaded once from its broadcast checkpoint and then shared by every task of
 * the JVM (inference only reads the parameters, so concurrent tasks may share a model). Keyed by the checkpoint's
 * SHA-256 and the backend's name. The JVM-wide cache is the point of this class, hence its static map.
 */
public final class ExecutorModels {
    private static final Map<String, Autoencoder> MODELS = new ConcurrentHashMap<>();
    private static final Map<String, TensorBackend> BACKENDS = new ConcurrentHashMap<>();

    private ExecutorModels() {
    }

    /**
     * The backend named {@code name} in this JVM (chosen by the discovery rules when {@code null} or blank),
     * created once.
     */
    public static TensorBackend backend(String name) {
        String key = name == null ? "" : name.trim();
        return BACKENDS.computeIfAbsent(key, k -> Backends.select(k.isEmpty() ? null : k, BackendSettings.fromEnvironment()));
    }

    /** The model of {@code checkpoint} on the backend named {@code backendName}, loaded on first use in this JVM. */
    public static Autoencoder model(CheckpointBytes checkpoint, String backendName) {
        TensorBackend backend = backend(backendName);
        return MODELS.computeIfAbsent(checkpoint.sha256() + "@" + backend.name(), k -> load(checkpoint, backend));
    }

    /** How many models this JVM holds (for tests of the cache). */
    public static int loaded() {
        return MODELS.size();
    }

    private static Autoencoder load(CheckpointBytes checkpoint, TensorBackend backend) {
        try {
            Path file = checkpoint.toTemporaryFile();
            try {
                return ModelCheckpoint.load(file, backend, DType.F32).model();
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage checkpoint " + checkpoint.name() + " for loading", e);
        }
    }
}
