package dev.autoencoder.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Parts are named as the CLI names them; {@code all} is every part, anything else a clear error. */
class PartTest {
    @Test
    void partsAreNamedByTheirIdsOrAll() {
        assertEquals(List.of(Part.DECODER), Part.named("decoder"));
        assertEquals(List.of(Part.ENCODER, Part.DECODER, Part.RECONSTRUCTION), Part.named("all"));
        assertEquals("reconstruction.onnx", Part.RECONSTRUCTION.fileName());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Part.named("trunk"));
        assertEquals("unknown part 'trunk'; known: encoder, decoder, reconstruction, all", e.getMessage());
    }
}
