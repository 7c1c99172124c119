package archfixture.engine;

/** Stands in for a native engine's array type (ND4J's INDArray, DJL's NDArray). */
public class EngineArray {
}
