package dev.autoencoder.models.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a main class in a fresh JVM with this JVM's options and classpath, so that each benchmark has a process of
 * its own: its peak memory is its own, and native engines (each with its own OpenMP pool) never share one.
 */
public final class ChildJvm {
    private static final String INCUBATOR_WARNING = "WARNING: Using incubator modules: jdk.incubator.vector";

    private ChildJvm() {
    }

    /** This JVM's options, which a child inherits. */
    public static List<String> inheritedOptions() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments();
    }

    /** The command line that runs {@code mainClass} with {@code args} like this JVM, with {@code options} added. */
    static List<String> command(String mainClass, List<String> options, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(inheritedOptions());
        command.addAll(options);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /**
     * Copies a child's standard error to this process's, without the JDK's announcement of the incubating Vector API
     * module, which the child inherits from this JVM's options (the launcher drops this JVM's own).
     */
    private static void copyErrors(InputStream errors) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(errors, Charset.defaultCharset()))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.equals(INCUBATOR_WARNING)) {
                    System.err.println(line);
                }
            }
        } catch (IOException e) {
            System.err.println("benchmark: cannot read a child JVM's standard error: " + e.getMessage());
        }
    }

    /**
     * Runs {@code mainClass} with {@code args} in a fresh JVM with this JVM's options and {@code options}. Lines of
     * its standard output that hold JSON objects are copied to {@code out}, any other line (an engine's chatter) to
     * {@code err}; its standard error goes to this process's (see {@link #copyErrors}).
     *
     * @return its exit code
     */
    public static int run(String mainClass, List<String> options, List<String> args, PrintWriter out, PrintWriter err) {
        List<String> command = command(mainClass, options, args);
        try {
            Process process = new ProcessBuilder(command).start();
            process.getOutputStream().close();
            Thread errors = new Thread(() -> copyErrors(process.getErrorStream()), "benchmark stderr");
            errors.setDaemon(true);
            errors.start();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), Charset.defaultCharset()))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    PrintWriter to = line.startsWith("{") ? out : err;
                    to.println(line);
                    to.flush();
                }
            }
            int code = process.waitFor();
            errors.join();
            return code;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a JVM for the benchmark: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a benchmark ran", e);
        }
    }
}
