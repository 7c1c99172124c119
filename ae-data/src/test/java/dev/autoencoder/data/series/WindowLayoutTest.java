package dev.autoencoder.data.series;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.autoencoder.data.Dataset;
import org.junit.jupiter.api.Test;

class WindowLayoutTest {
    /** Two windows of 3 steps of 2 channels, as SlidingWindows makes them: value = 100 * window + 10 * channel + step. */
    private static final Dataset WINDOWS = Dataset.unlabeled("w", new float[] {0, 1, 2, 10, 11, 12, 100, 101, 102, 110, 111, 112}, 2, 3);

    @Test
    void stepsFirstPutsEveryStepsChannelsTogether() {
        Dataset arranged = WindowLayout.STEPS_FIRST.arrange(WINDOWS);
        assertArrayEquals(new int[] {3, 2}, arranged.sampleShape());
        assertArrayEquals(new float[] {0, 10, 1, 11, 2, 12, 100, 110, 101, 111, 102, 112}, arranged.data());
        for (WindowLayout layout : WindowLayout.values()) {
            Dataset w = layout.arrange(WINDOWS);
            assertEquals(3, layout.steps(w.sampleShape()));
            assertEquals(2, layout.channels(w.sampleShape()));
            assertArrayEquals(w.sampleShape(), layout.shape(3, 2));
            for (int t = 0; t < 3; t++) {
                for (int c = 0; c < 2; c++) {
                    assertEquals(100 + 10 * c + t, w.data()[6 + layout.offset(t, c, 3, 2)], layout + " step " + t + " channel " + c);
                }
            }
        }
        assertSame(WINDOWS, WindowLayout.CHANNELS_FIRST.arrange(WINDOWS), "already channel-major");
    }

    @Test
    void onlyWindowsAreArranged() {
        assertThrows(IllegalArgumentException.class, () -> WindowLayout.STEPS_FIRST.arrange(Dataset.unlabeled("flat", new float[6], 6)));
    }
}
