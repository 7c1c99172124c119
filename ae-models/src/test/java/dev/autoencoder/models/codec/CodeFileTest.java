package dev.autoencoder.models.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoencoder.data.DataException;
import dev.autoencoder.models.family.AeSpec;
import dev.autoencoder.models.family.Family;
import dev.autoencoder.models.family.Likelihood;
import dev.autoencoder.models.family.ModelSpec;
import dev.autoencoder.models.nn.Activation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeFileTest {
    private static final ModelSpec SPEC = ModelSpec.defaults(Family.AE, List.of(64));
    private static final float[] CODES = {0.1f, -2.5f, 3.14159f, 1e-3f, 7f, -0.333f};
    /**
     * A code file written by the release before spec format 2, for {@code ModelSpec.defaults(ae, [64])}: samples 4
     * and 9 (labels 1 and 7) of "digits test", two codes of 4, float32; its fingerprint hashes the flat spec.
     */
    private static final String FORMAT_ONE_FILE = "QUVDT0RFUxoAAQQAH+vxVeHnsZtWrwC8qntEE4/zDvHvtX0Ixq2NoXOf5B4AAAAEAAAAAgEAAABAAAtkaWdpdHMgdGVzdAAAAAQAAAAJAQAAAAEAAAAHPwAAAL+gAABAAAAAPgAAAEBAAAC/QAAAP4AAAAAAAACzoXpK";

    @TempDir
    Path dir;

    private static CodeFile file(Precision precision, int[] labels) {
        return new CodeFile(CodeFile.hash(SPEC), precision, 3, SPEC.inputShape(), "digits test", new int[] {4, 9}, labels, CODES);
    }

    @Test
    void float32CodesRoundTripExactly() throws IOException {
        Path path = dir.resolve("codes.aec");
        long bytes = file(Precision.FLOAT32, new int[] {1, 7}).write(path);
        assertEquals(Files.size(dir.resolve("codes.aec")), bytes);
        CodeFile back = CodeFile.read(path);
        assertArrayEquals(CODES, back.codes());
        assertArrayEquals(new int[] {4, 9}, back.ids());
        assertArrayEquals(new int[] {1, 7}, back.labels());
        assertEquals("digits test", back.origin());
        assertEquals(SPEC.inputShape(), back.inputShape());
        assertTrue(back.madeBy(SPEC));
        assertFalse(back.madeBy(ModelSpec.defaults(Family.VAE, List.of(64))));
    }

    @Test
    void codeFilesOfSpecFormatOneStillDecodeWithTheModelThatWroteThemOnly() throws IOException {
        CodeFile old = CodeFile.read(Files.write(dir.resolve("old.aec"), Base64.getDecoder().decode(FORMAT_ONE_FILE)));
        assertArrayEquals(new float[] {0.5f, -1.25f, 2f, 0.125f, 3f, -0.75f, 1f, 0f}, old.codes());
        assertTrue(old.madeBy(new AeSpec(List.of(64), List.of(32, 8), 4, Activation.RELU, Likelihood.BERNOULLI, 0)));
        assertTrue(old.madeBy(SPEC));
        assertFalse(old.madeBy(new AeSpec(List.of(64), List.of(32, 8), 4, Activation.RELU, Likelihood.GAUSSIAN, 0)));
        assertFalse(old.madeBy(new AeSpec(List.of(64), List.of(32, 8), 4, Activation.RELU, Likelihood.BERNOULLI, 0.1)));
        assertFalse(old.madeBy(ModelSpec.defaults(Family.SPARSE_AE, List.of(64))));
    }

    @Test
    void newCodeFilesHashTheCurrentJson() throws NoSuchAlgorithmException {
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(SPEC.toJson().getBytes(StandardCharsets.UTF_8)), CodeFile.hash(SPEC));
        assertFalse(file(Precision.FLOAT32, null).madeBy(ModelSpec.defaults(Family.DENOISING_AE, List.of(64))));
    }

    @Test
    void float16CodesAreRoundedOnceAndHalfTheSize() throws IOException {
        CodeFile half = file(Precision.FLOAT16, null);
        long small = half.write(dir.resolve("half.aec"));
        long large = file(Precision.FLOAT32, null).write(dir.resolve("single.aec"));
        assertEquals(large - small, CODES.length * 2L);
        CodeFile back = CodeFile.read(dir.resolve("half.aec"));
        assertArrayEquals(half.codes(), back.codes(), "what is read is what the writer reported");
        assertNull(back.labels());
        for (int i = 0; i < CODES.length; i++) {
            assertEquals(CODES[i], back.codes()[i], Math.abs(CODES[i]) * 1e-3);
        }
    }

    @Test
    void damagedFilesAreRefusedNamingTheFileAndTheProblem() throws IOException {
        Path good = dir.resolve("good.aec");
        file(Precision.FLOAT32, null).write(good);
        byte[] bytes = Files.readAllBytes(good);

        byte[] flipped = bytes.clone();
        flipped[60] ^= 0x10;
        assertProblem(Files.write(dir.resolve("flipped.aec"), flipped), "checksum");
        assertProblem(Files.write(dir.resolve("short.aec"), Arrays.copyOf(bytes, 30)), "checksum");
        assertProblem(Files.writeString(dir.resolve("text.aec"), "hello, this is not a code file"), "AECODES");
        assertProblem(dir.resolve("missing.aec"), "no such code file");
    }

    private static void assertProblem(Path file, String problem) {
        DataException e = assertThrows(DataException.class, () -> CodeFile.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains(problem), e.getMessage());
    }

    @Test
    void inconsistentContentIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new CodeFile(CodeFile.hash(SPEC), Precision.FLOAT32, 4, SPEC.inputShape(),
                "x", new int[] {1, 2}, null, CODES));
    }
}
