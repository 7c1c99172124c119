package dev.autoencoder.backend.nd4j;

import java.util.List;
import java.util.Optional;

/**
 * Whether ND4J can run here, found without loading native code: its classes must be loadable and the libnd4j
 * natives of this platform (in any of ND4J's CPU variants) must be on the classpath.
 */
final class NativeArtifacts {
    private static final List<String> REQUIRED_CLASSES = List.of("org.nd4j.linalg.factory.Nd4j",
            "org.nd4j.linalg.cpu.nativecpu.CpuBackend", "org.bytedeco.javacpp.Loader");
    private static final String BINDINGS = "org/nd4j/linalg/cpu/nativecpu/bindings/";
    /** The CPU variants ND4J publishes, as classifier suffixes after the platform. */
    private static final List<String> VARIANTS = List.of("-onednn-avx512", "-onednn-avx2", "-onednn", "-avx512", "-avx2",
            "", "-compat", "-vednn-avx512", "-vednn-avx2", "-vednn");

    private NativeArtifacts() {
    }

    /** Why ND4J cannot run here, or empty when it can. */
    static Optional<String> problem() {
        ClassLoader loader = NativeArtifacts.class.getClassLoader();
        for (String name : REQUIRED_CLASSES) {
            try {
                Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                return Optional.of("ND4J is not on the classpath (" + name + " is missing): add org.nd4j:nd4j-native");
            }
        }
        String platform = org.bytedeco.javacpp.Loader.getPlatform();
        String library = System.mapLibraryName("jnind4jcpu");
        for (String variant : VARIANTS) {
            if (loader.getResource(BINDINGS + platform + variant + "/" + library) != null) {
                return Optional.empty();
            }
        }
        return Optional.of("no ND4J natives for platform " + platform + " on the classpath: add org.nd4j:nd4j-native "
                + "with classifier " + platform + " (or a variant such as " + platform + "-onednn-avx2)");
    }
}
