package archfixture.onnx;

/** Stands for the export layer. */
public class Exporter {
}
