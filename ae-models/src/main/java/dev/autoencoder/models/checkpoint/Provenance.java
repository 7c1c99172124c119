package dev.autoencoder.models.checkpoint;

/**
 * Where a checkpoint came from, stored as JSON in its metadata.
 *
 * @param seed           the seed of parameters, split, shuffles and noise
 * @param backend        the backend that trained it
 * @param backendVersion the engine version behind that backend
 * @param aeVersion      the framework version
 * @param dataset        the dataset's name
 * @param datasetSize    samples in the dataset
 */
public record Provenance(long seed, String backend, String backendVersion, String aeVersion, String dataset, int datasetSize) {
    /** The framework version from the jar manifest, or "dev" when run from classes. */
    public static String frameworkVersion() {
        String v = Provenance.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }
}
