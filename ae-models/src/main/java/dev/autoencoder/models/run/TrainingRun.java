package dev.autoencoder.models.run;

import dev.autoencoder.api.DType;
import dev.autoencoder.api.Tensor;
import dev.autoencoder.api.TensorBackend;
import dev.autoencoder.api.random.Rng;
import dev.autoencoder.data.catalog.DataRecipe;
import dev.autoencoder.models.checkpoint.CheckpointException;
import dev.autoencoder.models.checkpoint.HostTensor;
import dev.autoencoder.models.checkpoint.ModelCheckpoint;
import dev.autoencoder.models.checkpoint.Provenance;
import dev.autoencoder.models.checkpoint.SafeTensors;
import dev.autoencoder.models.factory.Models;
import dev.autoencoder.models.family.Autoencoder;
import dev.autoencoder.models.family.ModelSpec;
import dev.autoencoder.models.family.Objective;
import dev.autoencoder.models.nn.Init;
import dev.autoencoder.models.optim.Optimizer;
import dev.autoencoder.models.train.EpochMetrics;
import dev.autoencoder.models.train.MetricsCsv;
import dev.autoencoder.models.train.Progress;
import dev.autoencoder.models.train.ProgressView;
import dev.autoencoder.models.train.Trainer;
import dev.autoencoder.models.train.TrainingDivergedException;
import dev.autoencoder.models.train.TrainingListener;
import dev.autoencoder.models.train.TrainingResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A training run and the folder it owns. Every epoch is committed as one unit: the training state
 * ({@value #STATE}: weights, optimizer slots, progress, metrics, settings, data recipe) is written atomically, and only
 * then are its copies for people and other programs written from it: the last weights ({@value #MODEL}), the best ones
 * ({@value #BEST}), {@value #METRICS} and the recipe ({@code data.json}). After a kill at any instant the state holds one
 * whole epoch; {@link #resume} continues from it bit for bit (on the same backend), first rewriting any copy that a
 * kill left behind, or refuses with one line. A new run that replaces an old one leaves every file of the old run in
 * place until it commits its first epoch.
 */
public final class TrainingRun {
    /** The last committed epoch's weights, a self-contained checkpoint. */
    public static final String MODEL = "model.safetensors";
    /** The weights of the epoch with the best validation loss. */
    public static final String BEST = "best.safetensors";
    /** The commit: everything a resume needs. */
    public static final String STATE = "model.train-state.safetensors";
    /** Every loss term per epoch. */
    public static final String METRICS = "metrics.csv";
    /** Metadata of the copies: the run and the number of epochs they hold. */
    private static final String RUN = "ae.run";
    private static final String EPOCHS = "ae.epochs";
    private static final String DATA_SHA256 = "ae.data_sha256";

    private final Path folder;
    private final TensorBackend backend;
    private final String runId;
    private final Autoencoder model;
    private final Optimizer optimizer;
    private final DataRecipe recipe;
    private final String dataSha256;
    private final Provenance provenance;
    private final List<EpochMetrics> history;
    private final Optional<String> previousBackend;
    private RunSettings settings;
    private Progress progress;

    private TrainingRun(Path folder, TensorBackend backend, String runId, Autoencoder model, Optimizer optimizer, RunSettings settings,
            DataRecipe recipe, String dataSha256, Provenance provenance, Progress progress, List<EpochMetrics> history,
            Optional<String> previousBackend) {
        this.folder = folder;
        this.backend = backend;
        this.runId = runId;
        this.model = model;
        this.optimizer = optimizer;
        this.settings = settings;
        this.recipe = recipe;
        this.dataSha256 = dataSha256;
        this.provenance = provenance;
        this.progress = progress;
        this.history = new ArrayList<>(history);
        this.previousBackend = previousBackend;
    }

    /** Whether {@code folder} holds (part of) a run: a training state or a checkpoint. */
    public static boolean holdsRun(Path folder) {
        return Stream.of(STATE, MODEL, BEST).anyMatch(name -> Files.exists(folder.resolve(name)));
    }

    /**
     * A new run of {@code spec} on {@code data} in {@code folder}, its parameters drawn from the settings' seed. Nothing
     * is written until its first epoch commits.
     *
     * @param replace whether a run already in the folder may be replaced (at the new run's first commit)
     * @throws IllegalArgumentException when the folder holds a run and {@code replace} is false
     */
    public static TrainingRun start(Path folder, ModelSpec spec, RunSettings settings, DataRecipe recipe, RunData data,
            TensorBackend backend, boolean replace) {
        return start(folder, spec, settings, recipe, data.identity(), backend, replace);
    }

    /**
     * A new run of {@code spec} on the data that {@code data} identifies (trained by an {@link EpochLoop} of its own,
     * such as a distributed trainer), otherwise as {@link #start(Path, ModelSpec, RunSettings, DataRecipe, RunData,
     * TensorBackend, boolean)}.
     */
    public static TrainingRun start(Path folder, ModelSpec spec, RunSettings settings, DataRecipe recipe, DataIdentity data,
            TensorBackend backend, boolean replace) {
        if (holdsRun(folder) && !replace) {
            throw new IllegalArgumentException(folder + " already holds a training run: resume it, replace it, or choose another folder");
        }
        Autoencoder model = Models.build(spec, new Init(backend, DType.F32, new Rng(settings.seed())));
        Provenance provenance = new Provenance(settings.seed(), backend.name(), backend.version(), Provenance.frameworkVersion(),
                data.name(), data.size());
        return new TrainingRun(folder, backend, UUID.randomUUID().toString(), model, settings.newOptimizer(model.parameters()), settings,
                recipe, data.sha256(), provenance, Progress.start(), List.of(), Optional.empty());
    }

    /**
     * The run committed in {@code folder}, rebuilt on {@code backend} from its training state after checking it, with
     * any copy a kill left stale rewritten. Another backend than the run's continues it (recorded in the provenance;
     * bit-exactness holds on the same backend only).
     *
     * @throws CheckpointException when no epoch is committed there, or the state is damaged or inconsistent
     */
    public static TrainingRun resume(Path folder, TensorBackend backend) {
        Path file = folder.resolve(STATE);
        if (!Files.isRegularFile(file)) {
            throw new CheckpointException(file, holdsRun(folder) ? "is missing: no epoch of the run in " + folder + " was committed"
                    : "is missing: " + folder + " holds no training run (it was stopped before its first epoch ended, or never started)");
        }
        RunState state = RunState.read(file);
        Autoencoder model = ModelCheckpoint.build(file, state.spec(), state.weights(), backend, DType.F32);
        Optimizer optimizer = state.settings().newOptimizer(model.parameters());
        try {
            Map<String, Tensor> slots = new LinkedHashMap<>();
            state.slots().forEach((name, t) -> slots.put(name, t.toTensor(backend)));
            optimizer.restore(slots, state.optimizerSteps());
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(file, "holds optimizer state that does not fit its model: " + e.getMessage(), e);
        }
        String before = state.provenance().backend();
        boolean switched = !before.equals(backend.name());
        Provenance provenance = switched ? state.provenance().continuedOn(backend.name(), backend.version()) : state.provenance();
        TrainingRun run = new TrainingRun(folder, backend, state.runId(), model, optimizer, state.settings(), state.recipe(),
                state.dataSha256(), provenance, state.progress(), state.history(), switched ? Optional.of(before) : Optional.empty());
        run.repairCopies();
        return run;
    }

    /**
     * This run continued up to {@code epochs} epochs in total.
     *
     * @throws IllegalArgumentException when it has already run that many
     */
    public TrainingRun extendTo(int epochs) {
        if (epochs <= progress.nextEpoch()) {
            throw new IllegalArgumentException(folder + " has already run " + progress.nextEpoch() + " epochs; ask for more to continue");
        }
        settings = settings.withEpochs(epochs);
        return this;
    }

    /**
     * Trains up to the settings' epochs on this machine, committing each one: first, for a new run of a model that has
     * them, the greedy pretraining stages. {@code data} must be the data the run started on.
     *
     * @throws IllegalArgumentException    when {@code data} differs from the run's (its SHA-256)
     * @throws TrainingDivergedException naming the first non-finite term or parameter, with the last committed epoch
     */
    public TrainingResult train(RunData data, ProgressView view) {
        LocalEpochs epochs = new LocalEpochs(backend, data);
        requireSameData(epochs.data());
        if (progress.nextEpoch() == 0 && settings.pretrainEpochs() > 0) {
            try {
                pretrain(data, view, epochs.samplesPerEpoch(settings));
            } catch (TrainingDivergedException e) {
                throw withCommittedEpoch(e);
            }
        }
        return fit(epochs, view);
    }

    /**
     * Trains up to the settings' epochs with {@code epochs} (a distributed trainer, say), committing each epoch it
     * reports. It must train on the data the run started on; greedy pretraining runs only on one machine
     * ({@link #train(RunData, ProgressView)}).
     *
     * @throws IllegalArgumentException    when the loop's data differs from the run's, or a new run asks for pretraining
     * @throws TrainingDivergedException naming the first non-finite term or parameter, with the last committed epoch
     */
    public TrainingResult train(EpochLoop epochs, ProgressView view) {
        requireSameData(epochs.data());
        if (progress.nextEpoch() == 0 && settings.pretrainEpochs() > 0 && !model.pretrainingStages().isEmpty()) {
            throw new IllegalArgumentException("greedy pretraining runs on one machine only: train this run with 0 pretraining epochs");
        }
        return fit(epochs, view);
    }

    /** The epochs of {@code epochs}, each committed. */
    private TrainingResult fit(EpochLoop epochs, ProgressView view) {
        List<TrainingListener> listeners = List.of(view.show("", settings.epochs(), epochs.samplesPerEpoch(settings),
                settings.batchSize()), new Committer());
        try {
            return epochs.fit(model, optimizer, settings, progress, listeners);
        } catch (TrainingDivergedException e) {
            throw withCommittedEpoch(e);
        }
    }

    private void requireSameData(DataIdentity data) {
        if (!data.sha256().equals(dataSha256)) {
            throw new IllegalArgumentException("the training data differs from the data the run in " + folder
                    + " started on (its SHA-256 changed); a run continues only on the same data");
        }
    }

    /** {@code e} with where the run stands: the last good epoch committed, or none. */
    private TrainingDivergedException withCommittedEpoch(TrainingDivergedException e) {
        return new TrainingDivergedException(e.getMessage() + "; " + (progress.nextEpoch() > 0 ? "epoch " + progress.nextEpoch()
                + ", the last good one, is committed in " + folder : "no epoch was committed"));
    }

    private void pretrain(RunData data, ProgressView view, int samples) {
        List<Objective> stages = model.pretrainingStages();
        for (int k = 0; k < stages.size(); k++) {
            Objective stage = stages.get(k);
            TrainingListener shown = view.show("pretraining layer " + (k + 1) + "/" + stages.size(), settings.pretrainEpochs(), samples,
                    settings.batchSize());
            new Trainer(backend, settings.pretrainConfig(), List.of(shown)).fit(stage, settings.newOptimizer(stage.parameters()),
                    settings.learningRates(), data.training(), Progress.start());
        }
    }

    /** Commits each epoch, then writes its copies. */
    private final class Committer implements TrainingListener {
        @Override
        public void onEpoch(EpochMetrics m) {
            progress = progress.after(m.epoch(), m.monitored());
            history.add(m);
            createFolder();
            state().write(folder.resolve(STATE));
            writeCopy(MODEL);
            if (m.improved()) {
                writeCopy(BEST);
            }
            writeRecords();
        }
    }

    private void createFolder() {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new CheckpointException(folder, "cannot be created: " + e.getMessage(), e);
        }
    }

    private RunState state() {
        Map<String, HostTensor> weights = new LinkedHashMap<>();
        model.parameters().forEach((name, p) -> weights.put(name, HostTensor.of(backend, p.value())));
        Map<String, HostTensor> slots = new LinkedHashMap<>();
        optimizer.state().forEach((name, t) -> slots.put(name, HostTensor.of(backend, t)));
        return new RunState(runId, model.spec(), settings, recipe, dataSha256, provenance, progress, history, optimizer.steps(), weights,
                slots);
    }

    /** A self-contained checkpoint of the current weights, stamped with this run and its committed epochs. */
    private void writeCopy(String name) {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put(ModelCheckpoint.RECIPE, recipe.toJson());
        extra.put(ModelCheckpoint.TRAIN_CONFIG, settings.toJson());
        extra.put(DATA_SHA256, dataSha256);
        extra.put(RUN, runId);
        extra.put(EPOCHS, Integer.toString(progress.nextEpoch()));
        ModelCheckpoint.save(folder.resolve(name), model, provenance, extra);
    }

    private void writeRecords() {
        MetricsCsv.write(folder.resolve(METRICS), history);
        recipe.write(folder);
    }

    /** Rewrites the copies that do not hold the committed state (a kill came between the commit and the copies). */
    private void repairCopies() {
        if (!holds(MODEL, progress.nextEpoch())) {
            writeCopy(MODEL);
        }
        int bestEpochs = progress.bestEpoch() + 1;
        if (!holds(BEST, bestEpochs)) {
            if (bestEpochs != progress.nextEpoch()) {
                throw new CheckpointException(folder.resolve(BEST), "does not hold epoch " + bestEpochs + ", the best of the run "
                        + "committed in " + STATE + ", and only the last epoch can be rebuilt from it");
            }
            writeCopy(BEST);
        }
        writeRecords();
    }

    /** Whether the checkpoint {@code name} holds this run after {@code epochs} epochs. */
    private boolean holds(String name, int epochs) {
        Path file = folder.resolve(name);
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            Map<String, String> meta = SafeTensors.read(file).metadata();
            return runId.equals(meta.get(RUN)) && Integer.toString(epochs).equals(meta.get(EPOCHS));
        } catch (CheckpointException e) {
            return false;
        }
    }

    /** The folder. */
    public Path folder() {
        return folder;
    }

    /** The model, holding the last committed (or trained) weights. */
    public Autoencoder model() {
        return model;
    }

    /** How it trains. */
    public RunSettings settings() {
        return settings;
    }

    /** How its data is made. */
    public DataRecipe recipe() {
        return recipe;
    }

    /** Where it came from; a resume on another backend adds to it. */
    public Provenance provenance() {
        return provenance;
    }

    /** Where it stands. */
    public Progress progress() {
        return progress;
    }

    /** The metrics of every committed epoch. */
    public List<EpochMetrics> history() {
        return List.copyOf(history);
    }

    /** The backend of the epochs before this resume, when it was another one than this run's. */
    public Optional<String> previousBackend() {
        return previousBackend;
    }
}
