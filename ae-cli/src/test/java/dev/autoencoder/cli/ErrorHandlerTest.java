package dev.autoencoder.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autoencoder.models.train.TrainingDivergedException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

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
    void verbosityIsReadBeforeTheEndOfOptions() {
        assertEquals(true, AeCli.verboseRequested(new String[] {"train", "--verbose"}));
        assertEquals(false, AeCli.verboseRequested(new String[] {"train", "--", "--verbose"}));
    }
}
