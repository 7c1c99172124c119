package dev.autoencoder.tests.models;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.random.Rng;
import dev.autoencoder.backend.pure.PureBackend;
import dev.autoencoder.models.factory.Models;
import dev.autoencoder.models.family.Autoencoder;
import dev.autoencoder.models.family.Family;
import dev.autoencoder.models.family.ModelSpec;
import dev.autoencoder.models.nn.Init;
import dev.autoencoder.models.optim.Sgd;
import dev.autoencoder.models.train.Progress;
import dev.autoencoder.models.train.TrainConfig;
import dev.autoencoder.models.train.Trainer;
import dev.autoencoder.models.train.TrainingData;
import dev.autoencoder.models.train.TrainingDivergedException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A step whose loss is finite can still overflow the parameters; the epoch's end catches it and names the parameter. */
class DivergenceTest {
    @Test
    void anOverflowingLastUpdateIsCaughtAtTheEpochsEnd() {
        PureBackend backend = new PureBackend(1);
        TrainingData data = Digits.flat();
        Autoencoder model = Models.build(ModelSpec.defaults(Family.AE, List.of(64)), new Init(backend, DType.F32, new Rng(1)));
        // one step per epoch (the whole set in one batch): its loss is finite, the update by lr 1e39 (infinite in F32) is not
        Trainer trainer = new Trainer(backend, new TrainConfig(2, data.size(), 1, 0, 0, 0, 0, DType.F32), List.of());
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> trainer.fit(model,
                new Sgd(model.parameters(), 0, 0), epoch -> 1e39, data, Progress.start()));
        assertTrue(e.getMessage().startsWith("epoch 1: parameter '") && e.getMessage().contains("not finite"), e.getMessage());
    }
}
