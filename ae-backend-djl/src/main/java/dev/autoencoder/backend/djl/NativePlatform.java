package dev.autoencoder.backend.djl;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * Whether libtorch for this machine is on the classpath, found by reading two small resources of DJL's jars (no
 * native code is loaded): the native jar's {@code native/lib/pytorch.properties} names its platform, and the JNI
 * jar holds one bridge library per platform.
 */
final class NativePlatform {
    private static final String NATIVE_PROPERTIES = "native/lib/pytorch.properties";
    /** Where DJL looks for a libtorch unpacked outside the cache; when set, the classpath need not hold one. */
    private static final String LIBRARY_PATH = "PYTORCH_LIBRARY_PATH";

    private NativePlatform() {
    }

    /** DJL's classifier of this machine, e.g. {@code linux-x86_64}. */
    static String classifier() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String osName = os.startsWith("win") ? "win" : os.startsWith("mac") ? "osx" : "linux";
        String archName = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : arch;
        return osName + "-" + archName;
    }

    /** The Maven artifact of the CPU libtorch for this machine (at the version ae-backend-djl's pom names). */
    static String nativeArtifact() {
        return "ai.djl.pytorch:pytorch-native-cpu with classifier " + classifier();
    }

    /** Empty when libtorch and DJL's bridge for this machine can be loaded, else why not. */
    static Optional<String> missing() {
        ClassLoader loader = NativePlatform.class.getClassLoader();
        if (loader.getResource("ai/djl/pytorch/engine/PtEngineProvider.class") == null) {
            return Optional.of("ai.djl.pytorch:pytorch-engine is not on the classpath");
        }
        if (System.getenv(LIBRARY_PATH) != null || System.getProperty(LIBRARY_PATH) != null) {
            return Optional.empty();
        }
        if (loader.getResource("jnilib/" + classifier() + "/cpu/" + System.mapLibraryName("djl_torch")) == null) {
            return Optional.of("ai.djl.pytorch:pytorch-jni is not on the classpath or has no bridge library for "
                    + classifier());
        }
        String found = nativeClassifier(loader);
        if (!classifier().equals(found)) {
            return Optional.of("no libtorch for " + classifier() + " on the classpath"
                    + (found == null ? "" : " (found one for " + found + ")") + "; add " + nativeArtifact());
        }
        return Optional.empty();
    }

    private static String nativeClassifier(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(NATIVE_PROPERTIES)) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("classifier");
        } catch (IOException e) {
            return null;
        }
    }
}
