package dev.autoencoder.cli;

import dev.autoencoder.models.checkpoint.Provenance;
import picocli.CommandLine.IVersionProvider;

/** {@code ae --version}: the framework version (from the jar manifest) and the Java runtime. */
final class AeVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"ae " + Provenance.frameworkVersion(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
    }
}
