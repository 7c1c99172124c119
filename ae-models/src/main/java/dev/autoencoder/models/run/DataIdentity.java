package dev.autoencoder.models.run;

/**
 * Which data a run trains on: a name for people, the number of samples, and the SHA-256 that identifies the samples
 * themselves, so that a resumed run refuses other data. {@link RunData} computes it on one machine; a distributed
 * trainer computes it where the data lives.
 *
 * @param name    the data's name (a dataset or file name)
 * @param size    samples trained on
 * @param sha256  the hex SHA-256 of the samples, as the producer defines it
 */
public record DataIdentity(String name, int size, String sha256) {
    public DataIdentity {
        if (name == null || sha256 == null || size < 1) {
            throw new IllegalArgumentException("data of a run needs a name, a hash and at least 1 sample, got " + name + ", " + sha256
                    + " and " + size);
        }
    }
}
