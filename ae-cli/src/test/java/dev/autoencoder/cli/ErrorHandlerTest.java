package dev.autoencoder.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autoencoder.models.checkpoint.CheckpointException;
import dev.autoencoder.models.train.TrainingDivergedException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ErrorHandlerTest {
    @Test
    void messagesBecomeOneLine() {
        assertEquals("first; second; third", ErrorHandler.oneLine("first\n   second\r\n\tthird\n"));
    }

    @Test
    void jdkMessagesThatAreOnlyAPathSayWhatIsWrong() {
        assertEquals("/x/y: no such file or folder", ErrorHandler.describe(new NoSuchFileException("/x/y")));
        assertEquals("/x/y: no such file or folder",
                ErrorHandler.describe(new UncheckedIOException(new NoSuchFileException("/x/y"))));
        assertEquals("training diverged: epoch 2, step 3: loss term 'total' is NaN",
                ErrorHandler.describe(new TrainingDivergedException("epoch 2, step 3: loss term 'total' is NaN")));
    }

    @Test
    void userErrorsExitWithTwoAndBugsWithOneEachOnOneLine() {
        StringWriter err = new StringWriter();
        CommandLine cl = AeCli.commandLine(false, new PrintWriter(new StringWriter()), new PrintWriter(err, true));
        ErrorHandler handler = new ErrorHandler(false);
        assertEquals(2, handler.handleExecutionException(new IllegalStateException("wrapper",
                new CheckpointException(Path.of("m.safetensors"), "truncated")), cl, null));
        assertEquals("ae: m.safetensors: truncated", err.toString().strip());
        err.getBuffer().setLength(0);
        assertEquals(1, handler.handleExecutionException(new NullPointerException("x is null"), cl, null));
        assertEquals("ae: internal error: java.lang.NullPointerException: x is null (run with --verbose for the stack trace)",
                err.toString().strip());
    }

    @Test
    void verbosityIsReadBeforeTheEndOfOptions() {
        assertEquals(true, AeCli.verboseRequested(new String[] {"train", "--verbose"}));
        assertEquals(false, AeCli.verboseRequested(new String[] {"train", "--", "--verbose"}));
    }
}
