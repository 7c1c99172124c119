package dev.autoencoder.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.autoencoder.models.checkpoint.HostTensor;
import dev.autoencoder.models.checkpoint.SafeTensors;
import dev.autoencoder.models.run.TrainingRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResumeTrainingTest {
    @Test
    void theResumedRunEndsWithTheWeightsOfTheUninterruptedOne(@TempDir Path dir) throws Exception {
        Printed printed = Printed.run(ResumeTraining::main, dir);
        printed.find("4 epochs resumed vs uninterrupted: 12 parameter tensors, largest difference 0.0 \\(equal\\)");

        // the saved checkpoints agree too, tensor by tensor
        Map<String, HostTensor> resumed = SafeTensors.read(dir.resolve("interrupted").resolve(TrainingRun.MODEL)).tensors();
        Map<String, HostTensor> straight = SafeTensors.read(dir.resolve("uninterrupted").resolve(TrainingRun.MODEL)).tensors();
        assertEquals(straight.keySet(), resumed.keySet());
        straight.forEach((name, t) -> assertArrayEquals(t.toFloats(), resumed.get(name).toFloats(), 0f, name));
        for (String run : new String[] {"interrupted", "uninterrupted"}) {
            assertEquals(1 + 4, Files.readAllLines(dir.resolve(run).resolve(TrainingRun.METRICS)).size(), run + ": 4 epochs");
        }
    }
}
