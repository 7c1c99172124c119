package dev.autoencoder.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ShapesTest {
    @Test
    void broadcastFollowsNumPy() {
        assertEquals(Shape.of(2, 3, 4), Shapes.broadcast("add", Shape.of(2, 1, 4), Shape.of(3, 1)));
        assertEquals(Shape.of(5), Shapes.broadcast("add", Shape.scalar(), Shape.of(5)));
        var e = assertThrows(ShapeMismatchException.class, () -> Shapes.broadcast("add", Shape.of(2, 3), Shape.of(4, 3)));
        assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("[4, 3]"), e.getMessage());
    }

    @Test
    void convolutionGeometryMatchesPyTorch() {
        // torch.nn.Conv2d(1, 32, 3, stride=2, padding=1) on 32x32 gives 16x16
        assertEquals(Shape.of(100, 32, 16, 16), Shapes.conv2d(Shape.of(100, 1, 32, 32), Shape.of(32, 1, 3, 3), Conv2dParams.of(2, 1)));
        // torch.nn.ConvTranspose2d(128, 128, 3, stride=2, padding=1, output_padding=1) on 4x4 gives 8x8
        assertEquals(Shape.of(100, 128, 8, 8), Shapes.conv2dTranspose(Shape.of(100, 128, 4, 4), Shape.of(128, 128, 3, 3),
                Conv2dParams.of(2, 1), 1, 1));
        assertThrows(InvalidArgumentException.class, () -> Shapes.conv2dTranspose(Shape.of(1, 1, 4, 4), Shape.of(1, 1, 3, 3),
                Conv2dParams.of(2, 1), 2, 0));
        assertThrows(InvalidArgumentException.class, () -> Conv2dParams.of(0, 1));
    }

    @Test
    void reductionsAndMatmul() {
        int[] axes = Shapes.reductionAxes(Shape.of(2, 3, 4), new int[] {-1, 0});
        assertEquals(Shape.of(3), Shapes.reduce(Shape.of(2, 3, 4), axes, false));
        assertEquals(Shape.of(1, 3, 1), Shapes.reduce(Shape.of(2, 3, 4), axes, true));
        assertEquals(Shape.of(5, 7), Shapes.matmul(Shape.of(3, 5), Shape.of(7, 3), true, true));
        assertThrows(ShapeMismatchException.class, () -> Shapes.matmul(Shape.of(3, 5), Shape.of(3, 7), false, false));
    }
}
