package dev.autoencoder.tests.cli;

import static dev.autoencoder.tests.cli.Cli.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoencoder.models.checkpoint.SafeTensors;
import dev.autoencoder.models.run.TrainingRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs that fail lose nothing: a failed --force retry, a diverging run, a damaged or foreign training state. */
class RunSafetyTest {
    private static final List<String> FILES = List.of(TrainingRun.MODEL, TrainingRun.BEST, TrainingRun.STATE, TrainingRun.METRICS,
            "data.json");

    @TempDir
    Path dir;

    private static Map<String, byte[]> snapshot(Path run) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : FILES) {
            files.put(name, Files.readAllBytes(run.resolve(name)));
        }
        return files;
    }

    private static void assertUnchanged(Map<String, byte[]> before, Path run) throws IOException {
        Map<String, byte[]> after = snapshot(run);
        before.forEach((name, bytes) -> assertArrayEquals(bytes, after.get(name), name + " changed"));
    }

    private Path trained(String name) {
        Path folder = dir.resolve(name);
        run("train", "--epochs", "2", "--backend", "pure", "--out", folder.toString()).ok();
        return folder;
    }

    @Test
    void aFailedForceRetryLeavesThePreviousRunIntact() throws IOException {
        Path folder = trained("kept");
        Map<String, byte[]> before = snapshot(folder);
        run("train", "--force", "--data", dir.resolve("no-such.csv").toString(), "--out", folder.toString()).badInput("no-such.csv");
        run("train", "--force", "--optimizer", "sgd", "--lr", "1e30", "--backend", "pure", "--out", folder.toString())
                .badInput("no epoch was committed");
        assertUnchanged(before, folder);
        run("train", "--resume", "--epochs", "3", "--backend", "pure", "--out", folder.toString()).ok();
    }

    @Test
    void aDivergingRunKeepsItsLastGoodEpoch() throws IOException {
        Path folder = dir.resolve("diverging");
        // on one thread of the pure backend, SGD at lr 20 survives the first epoch and blows up in the second
        String line = run("train", "--optimizer", "sgd", "--lr", "20", "--epochs", "4", "--backend", "pure", "--threads", "1",
                "--out", folder.toString()).badInput("diverged");
        assertTrue(line.contains("epoch 2") && line.contains("loss term 'reconstruction'") && line.contains("epoch 1, the last good one"),
                line);
        assertEquals("1", SafeTensors.read(folder.resolve(TrainingRun.MODEL)).metadata().get("ae.epochs"));
        assertEquals(2, Cli.csv(folder.resolve(TrainingRun.METRICS)).size(), "a header and the good epoch");
        run("reconstruct", "--checkpoint", folder.toString(), "--backend", "pure").ok();
    }

    @Test
    void resumeRefusesWhatItCannotHonour() throws IOException {
        Path folder = trained("strict");
        run("train", "--resume", "--epochs", "3", "--batch-size", "32", "--out", folder.toString()).badInput("--batch-size 32 differs");
        run("train", "--resume", "--epochs", "3", "--window", "4", "--out", folder.toString()).badInput("give --data too");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        run("train", "--resume", "--out", empty.toString()).badInput("holds no training run");
        Path other = trained("other");
        Files.copy(other.resolve(TrainingRun.STATE), folder.resolve(TrainingRun.STATE), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String line = run("train", "--resume", "--epochs", "3", "--backend", "pure", "--out", folder.toString()).ok().out();
        assertFalse(line.isEmpty());
        // the copies of the foreign state's run replace the stale ones: the folder now holds that run, consistently
        assertEquals(SafeTensors.read(other.resolve(TrainingRun.STATE)).metadata().get("ae.run"),
                SafeTensors.read(folder.resolve(TrainingRun.MODEL)).metadata().get("ae.run"));
    }

    @Test
    void damagedTrainingStatesAreRefusedNamingTheFile() throws IOException {
        Path folder = trained("damaged");
        Path state = folder.resolve(TrainingRun.STATE);
        byte[] bytes = Files.readAllBytes(state);
        Files.write(state, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        run("train", "--resume", "--epochs", "3", "--out", folder.toString()).badInput(state.toString());
        Files.copy(folder.resolve(TrainingRun.MODEL), state, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        run("train", "--resume", "--epochs", "3", "--out", folder.toString()).badInput("is not the training state of an ae run");
    }

    @Test
    void anotherBackendIsAnnouncedAndRecorded() {
        Path folder = dir.resolve("switched");
        run("train", "--epochs", "1", "--backend", "pure", "--out", folder.toString()).ok();
        String out = run("train", "--resume", "--epochs", "2", "--backend", "nd4j", "--out", folder.toString()).ok().out();
        assertTrue(out.contains("note: the run trained on pure and continues on nd4j"), out);
        String provenance = SafeTensors.read(folder.resolve(TrainingRun.MODEL)).metadata().get("ae.provenance");
        assertTrue(provenance.contains("\"backend\":\"nd4j\"") && provenance.contains("\"earlierBackends\":[\"pure\"]"), provenance);
    }

    @Test
    void aCraftedHugeCheckpointIsOneLineAndNoAllocation() throws IOException {
        Path folder = trained("crafted");
        Path model = folder.resolve(TrainingRun.MODEL);
        var checkpoint = SafeTensors.read(model);
        Map<String, String> meta = new LinkedHashMap<>(checkpoint.metadata());
        String spec = meta.get("ae.spec");
        meta.put("ae.spec", spec.replaceFirst("\"inputShape\":\\[64]", "\"inputShape\":[40000]")
                .replaceFirst("\"hidden\":\\[[^]]*]", "\"hidden\":[40000,8]"));
        assertFalse(meta.get("ae.spec").equals(spec), spec);
        Path huge = dir.resolve("huge.safetensors");
        SafeTensors.write(huge, checkpoint.tensors(), meta);
        run("reconstruct", "--checkpoint", huge.toString(), "--backend", "pure").badInput(huge + ": tensor 'encoder.0.weight' has shape");
    }

    @Test
    void aCheckpointCopiedAwayKeepsItsDataAndScaling() throws IOException {
        StringBuilder csv = new StringBuilder("a,b,c,d\n");
        for (int i = 0; i < 200; i++) {
            csv.append(i % 7).append(',').append(100 + i % 13).append(',').append(-5 * (i % 3)).append(',').append(i % 5 * 0.5).append('\n');
        }
        Path table = Files.writeString(dir.resolve("table.csv"), csv);
        Path folder = dir.resolve("table-run");
        run("train", "--data", table.toString(), "--epochs", "2", "--backend", "pure", "--out", folder.toString()).ok();
        String inFolder = run("evaluate", "--checkpoint", folder.resolve(TrainingRun.BEST).toString(), "--backend", "pure").ok().out();
        Path away = Files.createDirectories(dir.resolve("elsewhere")).resolve("copy.safetensors");
        Files.copy(folder.resolve(TrainingRun.BEST), away);
        String copied = run("evaluate", "--checkpoint", away.toString(), "--backend", "pure").ok().out();
        // the same data (table.csv, not the default digits), scaled by the saved ranges: the same losses
        assertEquals(inFolder.lines().skip(1).toList(), copied.lines().skip(1).toList(), copied);
    }
}
