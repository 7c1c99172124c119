package dev.autoencoder.backend.nd4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Whether ND4J can run here, found by looking at the classpath only (no class is loaded, no native code): ND4J's
 * classes and the libnd4j natives of this platform, in any of ND4J's CPU variants, must be there.
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
            if (loader.getResource(name.replace('.', '/') + ".class") == null) {
                return Optional.of("ND4J is not on the classpath (" + name + " is missing): add org.nd4j:nd4j-native");
            }
        }
        String platform = platform();
        String library = System.mapLibraryName("jnind4jcpu");
        for (String variant : VARIANTS) {
            if (loader.getResource(BINDINGS + platform + variant + "/" + library) != null) {
                return unsupportedInstructions(platform + variant, cpuFlags());
            }
        }
        return Optional.of("no ND4J natives for platform " + platform + " on the classpath: add org.nd4j:nd4j-native "
                + "with classifier " + platform + " (or a variant such as " + platform + "-onednn-avx2)");
    }

    /**
     * Why natives built for {@code classifier} would stop this JVM with an illegal instruction on a CPU with
     * {@code flags} (AVX-512 or AVX2 builds on a CPU without them), or empty when they can run or the flags are
     * unknown.
     */
    static Optional<String> unsupportedInstructions(String classifier, Set<String> flags) {
        boolean avx512 = classifier.contains("-avx512");
        String flag = avx512 ? "avx512f" : "avx2";
        if (!(avx512 || classifier.contains("-avx2")) || flags.isEmpty() || flags.contains(flag)) {
            return Optional.empty();
        }
        return Optional.of("the ND4J natives on the classpath (" + classifier + ") need " + (avx512 ? "AVX-512" : "AVX2")
                + ", which this CPU lacks: build with -Dnd4j.native.classifier=" + classifier.replaceAll("-avx512|-avx2", "")
                + (avx512 && flags.contains("avx2") ? " or " + classifier.replace("-avx512", "-avx2") : ""));
    }

    /** The CPU's feature flags from {@code /proc/cpuinfo} (Linux), or none when they cannot be read. */
    private static Set<String> cpuFlags() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("flags")).findFirst()
                    .map(l -> Set.of(l.substring(l.indexOf(':') + 1).trim().split("\\s+"))).orElse(Set.of());
        } catch (IOException | UncheckedIOException e) {
            return Set.of();
        }
    }

    /**
     * This machine's platform as JavaCPP names it ({@code linux-x86_64}, {@code macosx-arm64}, ...), honouring
     * JavaCPP's override property; worked out here because asking JavaCPP's {@code Loader} loads its native library.
     */
    static String platform() {
        String forced = System.getProperty("org.bytedeco.javacpp.platform");
        if (forced != null) {
            return forced;
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        os = os.startsWith("windows") ? "windows" : os.startsWith("mac") ? "macosx" : os.replaceAll("\\W", "");
        arch = switch (arch) {
            case "amd64", "x86-64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm64";
            case "i386", "i486", "i586", "i686", "x86" -> "x86";
            case "arm" -> "armhf";
            default -> arch;
        };
        return os + "-" + arch;
    }
}
