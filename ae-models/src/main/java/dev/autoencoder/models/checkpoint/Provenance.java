package dev.autoencoder.models.checkpoint;

import java.util.List;

/**
 * Where a checkpoint came from, stored as JSON in its metadata.
 *
 * @param seed           the seed of parameters, split, shuffles and noise
 * @param backend        the backend that trained it
 * @param backendVersion the engine version behind that backend
 * @param aeVersion      the framework version
 * @param dataset        the dataset's name
 * @param datasetSize    samples in the dataset
 * @param earlierBackends the backends of earlier epochs, oldest first, when a run was resumed on another one
 */
public record Provenance(long seed, String backend, String backendVersion, String aeVersion, String dataset, int datasetSize,
        List<String> earlierBackends) {
    public Provenance {
        earlierBackends = earlierBackends == null ? List.of() : List.copyOf(earlierBackends);
    }

    /** The provenance of a run that has only ever run on {@code backend}. */
    public Provenance(long seed, String backend, String backendVersion, String aeVersion, String dataset, int datasetSize) {
        this(seed, backend, backendVersion, aeVersion, dataset, datasetSize, List.of());
    }

    /** This provenance continued on {@code other} (version {@code version}); the current backend becomes an earlier one. */
    public Provenance continuedOn(String other, String version) {
        List<String> earlier = new java.util.ArrayList<>(earlierBackends);
        earlier.add(backend);
        return new Provenance(seed, other, version, frameworkVersion(), dataset, datasetSize, earlier);
    }

    /** The framework version from the jar manifest, or "dev" when run from classes. */
    public static String frameworkVersion() {
        String v = Provenance.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }
}
