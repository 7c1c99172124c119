package dev.autoencoder.backend.nd4j;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets {@code OMP_WAIT_POLICY=passive} for the OpenMP runtime that libnd4j and oneDNN load, unless the user set the
 * variable. By default OpenMP threads spin while they wait for each other; when another process keeps a core busy,
 * every parallel kernel then waits for a thread that is spinning or descheduled, and a W1 training step on two
 * threads went from 8 ms to 700 ms on a two-core machine (12 ms with passive waiting). The variable is read once,
 * when the runtime loads, so this must run before ND4J's natives do.
 */
final class OpenMpWaitPolicy {
    private static final Logger LOG = LoggerFactory.getLogger(OpenMpWaitPolicy.class);
    private static final String VARIABLE = "OMP_WAIT_POLICY";

    private OpenMpWaitPolicy() {
    }

    /** The C library's {@code setenv}. */
    interface CLibrary extends Library {
        int setenv(String name, String value, int overwrite);
    }

    /** Makes waiting OpenMP threads sleep, unless {@value #VARIABLE} is set or this is Windows (no setenv). */
    static void preferPassive() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        if (System.getenv(VARIABLE) != null || windows) {
            return;
        }
        try {
            CLibrary c = Native.loadLibrary("c", CLibrary.class);
            c.setenv(VARIABLE, "passive", 0);
        } catch (LinkageError | RuntimeException e) {
            LOG.debug("could not set {}: OpenMP threads keep spinning while they wait", VARIABLE, e);
        }
    }
}
