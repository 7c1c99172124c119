package dev.autoencoder.backend.djl;

import ai.djl.engine.Engine;
import ai.djl.engine.EngineException;
import dev.autoencoder.api.TensorException;
import dev.autoencoder.natives.NativeHeap;

/**
 * Loads DJL's PyTorch engine from the jars on the classpath and never from the network: DJL's offline mode is
 * switched on before any DJL class initialises (unless the user chose a mode), so a missing native library fails
 * fast instead of being downloaded, and DJL's usage probe stays off. libtorch's tensors then come from a C allocator
 * that keeps freed memory ({@link NativeHeap}).
 */
final class Libtorch {
    /** DJL's system property for offline mode. */
    static final String OFFLINE_PROPERTY = "ai.djl.offline";
    /** DJL's environment variable for offline mode; it wins over the property. */
    static final String OFFLINE_ENV = "DJL_OFFLINE";
    /** The engine name DJL registers PyTorch under. */
    static final String ENGINE = "PyTorch";

    private Libtorch() {
    }

    /** The PyTorch engine, loading libtorch (extracted to DJL's cache directory on first use) if needed. */
    static Engine load() {
        if (System.getenv(OFFLINE_ENV) == null && System.getProperty(OFFLINE_PROPERTY) == null) {
            System.setProperty(OFFLINE_PROPERTY, "true");
        }
        NativeHeap.keepFreedMemory();
        try {
            return Engine.getEngine(ENGINE);
        } catch (EngineException | IllegalArgumentException e) {
            throw new TensorException("djl: could not load libtorch from the classpath (" + e.getMessage()
                    + "); add " + NativePlatform.nativeArtifact() + " and ai.djl.pytorch:pytorch-jni", e);
        }
    }
}
