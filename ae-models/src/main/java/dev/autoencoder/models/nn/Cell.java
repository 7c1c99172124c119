package dev.autoencoder.models.nn;

/** The recurrent cells, by the names specs use: PyTorch's {@code nn.LSTM} and {@code nn.GRU}. */
public enum Cell {
    LSTM {
        @Override
        public Recurrent layer(int inputSize, int hiddenSize, Init init) {
            return new Lstm(inputSize, hiddenSize, init);
        }
    },
    GRU {
        @Override
        public Recurrent layer(int inputSize, int hiddenSize, Init init) {
            return new Gru(inputSize, hiddenSize, init);
        }
    };

    /** A one-layer network of this cell from {@code inputSize} features to {@code hiddenSize}, initialised as PyTorch does. */
    public abstract Recurrent layer(int inputSize, int hiddenSize, Init init);
}
