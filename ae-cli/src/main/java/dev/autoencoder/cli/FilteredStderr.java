package dev.autoencoder.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The launcher's filter of standard error. {@code ./ae} starts the JVM with the Vector API module, which the JDK
 * announces on standard error at every start, and drops that line in a process of its own (system property
 * {@value #PROPERTY}, its pid) that reads this JVM's standard error. Before exiting, this JVM closes its standard error
 * and waits for the filter, so that a caller who reads the error once the process has ended has all of it.
 */
final class FilteredStderr {
    static final String PROPERTY = "ae.stderr.filter";
    private static final long WAIT_SECONDS = 5;

    private FilteredStderr() {
    }

    /** Closes standard error and waits for the launcher's filter to pass on its last bytes; nothing without one. */
    static void drain() {
        String pid = System.getProperty(PROPERTY);
        if (pid == null) {
            return;
        }
        try {
            ProcessHandle.of(Long.parseLong(pid)).filter(FilteredStderr::ownedByThisJvm).ifPresent(filter -> {
                System.err.flush();
                try {
                    new FileOutputStream(FileDescriptor.err).close();
                } catch (IOException e) {
                    return; // standard error is gone already
                }
                await(filter);
            });
        } catch (NumberFormatException e) {
            // not a pid: no filter to wait for
        }
    }

    /** The launcher's filter is a child of the JVM it exec'ed into; a JVM started by that one (a benchmark's) has none. */
    private static boolean ownedByThisJvm(ProcessHandle filter) {
        return filter.parent().map(ProcessHandle::pid).orElse(-1L) == ProcessHandle.current().pid();
    }

    private static void await(ProcessHandle filter) {
        try {
            filter.onExit().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // the filter did not end in time: exit anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
