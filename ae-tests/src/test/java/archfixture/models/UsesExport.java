package archfixture.models;

import archfixture.onnx.Exporter;

/** Breaks the export-above-models rule: a model class reaching up into the export layer. */
public class UsesExport {
    public Exporter exporter() {
        return new Exporter();
    }
}
