package dev.autoencoder.backend.nd4j;

import dev.autoencoder.natives.NativeHeap;
import dev.autoencoder.natives.OpenMpWaiting;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.bytedeco.javacpp.Loader;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.profiler.ProfilerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ND4J's process-wide settings: how long OpenMP threads spin (before the natives load), the C allocator keeping freed
 * memory ({@link NativeHeap}), JavaCPP's resident-size check (before its classes load), switching off per-op profiling
 * checks and the thread counts of libnd4j and OpenBLAS. ND4J keeps these globally, so the last backend created decides
 * them.
 */
final class Nd4jRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(Nd4jRuntime.class);
    /** JavaCPP reads the lower-case spelling first. */
    private static final List<String> MAX_PHYSICAL_BYTES = List.of("org.bytedeco.javacpp.maxphysicalbytes",
            "org.bytedeco.javacpp.maxPhysicalBytes");

    private Nd4jRuntime() {
    }

    /** Loads ND4J (natives included) and configures it for {@code threads} compute threads. */
    static void configure(int threads) {
        long start = System.nanoTime();
        OpenMpWaiting.limitSpinning();
        NativeHeap.keepFreedMemory();
        skipResidentSizeChecks();
        Nd4j.getExecutioner().setProfilingConfig(ProfilerConfig.builder().checkWorkspaces(false).checkElapsedTime(false)
                .checkForINF(false).checkForNAN(false).checkLocality(false).nativeStatistics(false)
                .notOptimalArguments(false).notOptimalTAD(false).stackTrace(false).build());
        Nd4j.getEnvironment().setMaxThreads(threads);
        Nd4j.getEnvironment().setMaxMasterThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
        LOG.debug("ND4J {} ready in {} ms with {} threads", version(), (System.nanoTime() - start) / 1_000_000, threads);
    }

    /**
     * Switches off JavaCPP's check of the process's resident size, unless the user set its limit. JavaCPP makes it on
     * every native allocation it tracks, reading the size from the kernel, and ND4J allocates several (the array's
     * buffer and shape information, an operation's pointers) for every array, in a workspace too: it doubled the cost
     * of creating one (7.5-8.5 us against 14-16 on {@code [100, 64]}). The check only calls the garbage collector once
     * the process passes four times the maximum heap (24 GB under the default heap here); JavaCPP's limit on the bytes
     * it tracks itself stays.
     */
    private static void skipResidentSizeChecks() {
        if (MAX_PHYSICAL_BYTES.stream().allMatch(p -> System.getProperty(p) == null)) {
            System.setProperty(MAX_PHYSICAL_BYTES.get(1), "0");
        }
    }

    /** ND4J's version and the native variant loaded, e.g. {@code 1.0.0-M2.1 linux-x86_64-onednn-avx512}. */
    static String version() {
        String version = "unknown";
        try (InputStream in = Nd4j.class.getResourceAsStream("/META-INF/maven/org.nd4j/nd4j-api/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                version = p.getProperty("version", version);
            }
        } catch (IOException e) {
            LOG.debug("cannot read the ND4J version", e);
        }
        String library = Loader.getLoadedLibraries().get("jnind4jcpu");
        String variant = library == null ? Loader.getPlatform() : Path.of(library).getParent().getFileName().toString();
        return version + " " + variant;
    }
}
