package dev.autoencoder.models.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autoencoder.data.catalog.DataRecipe;
import dev.autoencoder.models.checkpoint.Checkpoint;
import dev.autoencoder.models.checkpoint.CheckpointException;
import dev.autoencoder.models.checkpoint.HostTensor;
import dev.autoencoder.models.checkpoint.ModelCheckpoint;
import dev.autoencoder.models.checkpoint.Provenance;
import dev.autoencoder.models.checkpoint.SafeTensors;
import dev.autoencoder.models.family.ModelSpec;
import dev.autoencoder.models.train.EpochMetrics;
import dev.autoencoder.models.train.Progress;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a run needs to continue after its last committed epoch, in one safetensors file that is the run's
 * commit: the weights and the optimizer's slots as tensors, and as metadata the spec, the settings, the data recipe
 * and its SHA-256, the provenance, the progress, every epoch's metrics and the optimizer's step count. One file is
 * written atomically, so after a kill at any instant it holds one whole epoch; the run's other files are copies made
 * from it.
 *
 * @param runId          identifies the run (a new run in the same folder gets a new one)
 * @param spec           the model
 * @param settings       how it trains
 * @param recipe         how its data is made
 * @param dataSha256     the SHA-256 of the training data ({@link RunData#sha256()})
 * @param provenance     where it came from
 * @param progress       where it stands: {@code progress.nextEpoch()} epochs are committed
 * @param history        the metrics of every committed epoch
 * @param optimizerSteps the optimizer's completed steps
 * @param weights        the parameters by PyTorch's names
 * @param slots          the optimizer's state by {@code <parameter>.<slot>}
 */
public record RunState(String runId, ModelSpec spec, RunSettings settings, DataRecipe recipe, String dataSha256,
        Provenance provenance, Progress progress, List<EpochMetrics> history, long optimizerSteps, Map<String, HostTensor> weights,
        Map<String, HostTensor> slots) {
    private static final String KIND = "ae.kind";
    private static final String STATE_KIND = "training-state";
    private static final String FORMAT_VERSION = "2";
    private static final String RUN = "ae.run";
    private static final String DATA_SHA256 = "ae.data_sha256";
    private static final String PROGRESS = "ae.progress";
    private static final String HISTORY = "ae.history";
    private static final String STEPS = "ae.optimizer_steps";
    private static final String WEIGHT = "weight/";
    private static final String SLOT = "slot/";
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public RunState {
        history = List.copyOf(history);
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
        slots = Collections.unmodifiableMap(new LinkedHashMap<>(slots));
    }

    /** The epochs committed. */
    public int epochs() {
        return progress.nextEpoch();
    }

    /** Writes this state to {@code file} atomically: the commit of its epoch. */
    public void write(Path file) {
        Map<String, HostTensor> tensors = new LinkedHashMap<>();
        weights.forEach((name, t) -> tensors.put(WEIGHT + name, t));
        slots.forEach((name, t) -> tensors.put(SLOT + name, t));
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(ModelCheckpoint.FORMAT, FORMAT_VERSION);
        metadata.put(KIND, STATE_KIND);
        metadata.put(RUN, runId);
        metadata.put(ModelCheckpoint.SPEC, spec.toJson());
        metadata.put(ModelCheckpoint.TRAIN_CONFIG, settings.toJson());
        metadata.put(ModelCheckpoint.RECIPE, recipe.toJson());
        metadata.put(DATA_SHA256, dataSha256);
        metadata.put(ModelCheckpoint.PROVENANCE, ModelCheckpoint.json(provenance));
        metadata.put(PROGRESS, ModelCheckpoint.json(progress));
        metadata.put(HISTORY, ModelCheckpoint.json(history));
        metadata.put(STEPS, Long.toString(optimizerSteps));
        SafeTensors.write(file, tensors, metadata);
    }

    /**
     * The state in {@code file}, with every metadata entry present and readable (the tensors are checked against the
     * model and the optimizer when the run is rebuilt from them).
     *
     * @throws CheckpointException naming the file and what is wrong with it
     */
    public static RunState read(Path file) {
        Checkpoint checkpoint = SafeTensors.read(file);
        Map<String, String> meta = checkpoint.metadata();
        if (!STATE_KIND.equals(meta.get(KIND))) {
            throw new CheckpointException(file, meta.containsKey("ae.optimizer")
                    ? "is the training state of an earlier ae, which did not commit epochs as a unit; it cannot be resumed "
                            + "exactly: train again with --force"
                    : "is not the training state of an ae run");
        }
        for (String key : List.of(RUN, ModelCheckpoint.SPEC, ModelCheckpoint.TRAIN_CONFIG, ModelCheckpoint.RECIPE, DATA_SHA256,
                ModelCheckpoint.PROVENANCE, PROGRESS, HISTORY, STEPS)) {
            if (!meta.containsKey(key)) {
                throw new CheckpointException(file, "lacks the '" + key + "' entry of a training state");
            }
        }
        Map<String, HostTensor> weights = new LinkedHashMap<>();
        Map<String, HostTensor> slots = new LinkedHashMap<>();
        checkpoint.tensors().forEach((name, t) -> {
            if (name.startsWith(WEIGHT)) {
                weights.put(name.substring(WEIGHT.length()), t);
            } else if (name.startsWith(SLOT)) {
                slots.put(name.substring(SLOT.length()), t);
            } else {
                throw new CheckpointException(file, "holds tensor '" + name + "', which is neither a weight nor an optimizer slot");
            }
        });
        try {
            Progress progress = JSON.readValue(meta.get(PROGRESS), Progress.class);
            List<EpochMetrics> history = JSON.readValue(meta.get(HISTORY), new TypeReference<List<EpochMetrics>>() { });
            long steps = Long.parseLong(meta.get(STEPS));
            if (progress.nextEpoch() < 1 || history.size() != progress.nextEpoch() || steps < 0) {
                throw new CheckpointException(file, "is inconsistent: " + progress.nextEpoch() + " epochs, " + history.size()
                        + " rows of metrics, " + steps + " optimizer steps");
            }
            return new RunState(meta.get(RUN), ModelCheckpoint.spec(file, meta), RunSettings.fromJson(meta.get(ModelCheckpoint.TRAIN_CONFIG)),
                    DataRecipe.fromJson(meta.get(ModelCheckpoint.RECIPE)), meta.get(DATA_SHA256),
                    JSON.readValue(meta.get(ModelCheckpoint.PROVENANCE), Provenance.class), progress, history, steps, weights, slots);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new CheckpointException(file, "has unreadable training-state metadata: " + e.getMessage(), e);
        }
    }
}
