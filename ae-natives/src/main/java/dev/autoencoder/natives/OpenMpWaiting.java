package dev.autoencoder.natives;

import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Limits how long idle threads of the OpenMP runtime that libnd4j and oneDNN load spin before they sleep
 * ({@code GOMP_SPINCOUNT=1000}, a few microseconds), unless the user configured OpenMP waiting. libgomp's default
 * spins for 300,000 rounds: when another process keeps a core busy, every parallel kernel then waits for a thread
 * that is spinning or descheduled, and a W1 step on two threads of a two-core machine took 700 ms instead of 8 ms.
 * With 1000 rounds it took 24 ms under that load and 8.5 ms without (never spinning: 21 ms and 12-14 ms). libgomp
 * reads its environment once, when it loads, so this must run before ND4J's natives do.
 */
public final class OpenMpWaiting {
    private static final Logger LOG = LoggerFactory.getLogger(OpenMpWaiting.class);
    private static final String SPIN_COUNT = "GOMP_SPINCOUNT";
    private static final List<String> USER_SETTINGS = List.of("OMP_WAIT_POLICY", SPIN_COUNT);

    private OpenMpWaiting() {
    }

    /** Sets the short spin, unless OpenMP waiting is configured already or this is Windows (no setenv). */
    public static void limitSpinning() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        if (windows || USER_SETTINGS.stream().anyMatch(v -> System.getenv(v) != null)) {
            return;
        }
        try {
            CLibrary.load().setenv(SPIN_COUNT, "1000", 0);
        } catch (LinkageError | RuntimeException e) {
            LOG.debug("could not set {}: idle OpenMP threads spin for libgomp's default time", SPIN_COUNT, e);
        }
    }
}
