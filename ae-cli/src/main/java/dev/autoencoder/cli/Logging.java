package dev.autoencoder.cli;

/**
 * Sets up slf4j-simple before the first logger exists: quiet by default (warnings and errors only, from every
 * library and from ae itself); {@code --verbose} shows INFO. Properties given with {@code -D} win.
 */
final class Logging {
    private static final String PREFIX = "org.slf4j.simpleLogger.";

    private Logging() {
    }

    static void configure(boolean verbose) {
        setIfAbsent("defaultLogLevel", verbose ? "info" : "warn");
        setIfAbsent("showThreadName", "false");
        setIfAbsent("showShortLogName", "true");
        setIfAbsent("levelInBrackets", "true");
        setIfAbsent("logFile", "System.err");
        // DJL warns at start-up on machines with CUDA libraries but no GPU driver; harmless, shown with --verbose
        setIfAbsent("log.ai.djl.util.cuda.CudaUtils", verbose ? "info" : "error");
        // Hadoop (under 'ae spark') warns that it has no native library of its own; it needs none
        setIfAbsent("log.org.apache.hadoop.util.NativeCodeLoader", verbose ? "info" : "error");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(PREFIX + key) == null) {
            System.setProperty(PREFIX + key, value);
        }
    }
}
