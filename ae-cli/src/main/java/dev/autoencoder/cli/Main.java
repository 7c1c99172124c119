package dev.autoencoder.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/** The entry point of the {@code ae} command: configures logging, runs the command line, exits with its code. */
public final class Main {
    private Main() {
    }

    /** Runs {@code ae} with {@code args} and exits: 0 on success, 2 on bad usage or input, 1 on an internal error. */
    public static void main(String[] args) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        Logging.configure(AeCli.verboseRequested(args));
        Charset charset = Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, charset), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, charset), true);
        int code = AeCli.execute(args, out, err);
        out.flush();
        err.flush();
        FilteredStderr.drain();
        System.exit(code);
    }
}
