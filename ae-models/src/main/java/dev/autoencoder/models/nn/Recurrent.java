package dev.autoencoder.models.nn;

import dev.autoencoder.api.Shape;
import dev.autoencoder.api.autodiff.Var;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * A one-layer recurrent network over batch-first sequences {@code [n, steps, inputSize]}, from a zero state, as
 * PyTorch's {@code nn.LSTM(batch_first=True)} and {@code nn.GRU(batch_first=True)} compute it: the gates of every
 * step are {@code x_t W_ih^T + b_ih} and {@code h W_hh^T + b_hh}, split into {@link #gates()} blocks of
 * {@code hiddenSize} rows in PyTorch's order. Parameters have PyTorch's names and layouts ({@code weight_ih_l0}
 * {@code [gates * hidden, input]}, {@code weight_hh_l0} {@code [gates * hidden, hidden]}, {@code bias_ih_l0},
 * {@code bias_hh_l0}) and initialisation (uniform in {@code ±1/sqrt(hidden)}, in that order). Everything is tape
 * operations, so every backend computes it and its gradient the same way.
 */
public abstract sealed class Recurrent implements Module permits Lstm, Gru {
    private final int inputSize;
    private final int hiddenSize;
    private final int gates;
    private final Parameter weightIh;
    private final Parameter weightHh;
    private final Parameter biasIh;
    private final Parameter biasHh;

    /** A layer of {@code gates} gates from {@code inputSize} features to {@code hiddenSize}, initialised as PyTorch does. */
    Recurrent(int inputSize, int hiddenSize, int gates, Init init) {
        if (inputSize < 1 || hiddenSize < 1) {
            throw new IllegalArgumentException("a recurrent layer needs input and hidden sizes of at least 1, got " + inputSize + " and "
                    + hiddenSize);
        }
        this.inputSize = inputSize;
        this.hiddenSize = hiddenSize;
        this.gates = gates;
        this.weightIh = init.uniformFanIn(Shape.of(gates * hiddenSize, inputSize), hiddenSize);
        this.weightHh = init.uniformFanIn(Shape.of(gates * hiddenSize, hiddenSize), hiddenSize);
        this.biasIh = init.uniformFanIn(Shape.of(gates * hiddenSize), hiddenSize);
        this.biasHh = init.uniformFanIn(Shape.of(gates * hiddenSize), hiddenSize);
    }

    /** The state after one step: the hidden state, and the LSTM's cell state (null for the GRU). */
    protected record State(Var hidden, Var cell) {
    }

    /**
     * What a run computed.
     *
     * @param outputs the hidden state after every step, each {@code [n, hidden]}
     */
    public record Run(List<Var> outputs) {
        public Run {
            outputs = List.copyOf(outputs);
        }

        /** The hidden state after the last step, {@code [n, hidden]}: PyTorch's {@code h_n[-1]}. */
        public Var last() {
            return outputs.get(outputs.size() - 1);
        }

        /** Every step's hidden state, {@code [n, steps, hidden]}: PyTorch's {@code output} with {@code batch_first}. */
        public Var stacked() {
            List<Var> steps = new ArrayList<>(outputs.size());
            for (Var h : outputs) {
                steps.add(h.reshape(h.shape().dim(0), 1, h.shape().dim(1)));
            }
            return outputs.get(0).tape().concat(steps, 1);
        }
    }

    /** The gates per step: 4 for the LSTM, 3 for the GRU. */
    public final int gates() {
        return gates;
    }

    /** Features per step of the input. */
    public int inputSize() {
        return inputSize;
    }

    /** Features of the hidden state. */
    public int hiddenSize() {
        return hiddenSize;
    }

    /** The layer over {@code x [n, steps, inputSize]}, any number of steps from 1. */
    public Run run(Var x, Forward pass) {
        if (x.shape().rank() != 3 || x.shape().dim(2) != inputSize || x.shape().dim(1) < 1) {
            throw new IllegalArgumentException("a recurrent layer of " + inputSize + " input features takes [n, steps, " + inputSize
                    + "] with at least one step, got " + x.shape());
        }
        int n = x.shape().dim(0);
        return unroll(x, x.shape().dim(1), t -> inputGates(x.slice(1, t, t + 1).reshape(n, inputSize), pass), pass);
    }

    /** The layer fed the same {@code x [n, inputSize]} at each of {@code steps} steps (a repeated code). */
    public Run repeat(Var x, int steps, Forward pass) {
        if (steps < 1) {
            throw new IllegalArgumentException("a recurrent layer runs at least one step, got " + steps);
        }
        Var gi = inputGates(x, pass);
        return unroll(x, steps, t -> gi, pass);
    }

    /**
     * {@code steps} steps from a zero state, step {@code t} fed the input gates {@code inputGatesAt(t)}. Each step runs
     * {@linkplain Forward#released released}: in inference, a step's gates are freed before the next one starts.
     */
    private Run unroll(Var x, int steps, IntFunction<Var> inputGatesAt, Forward pass) {
        Var zero = pass.tape().constant(pass.tape().backend().zeros(Shape.of(x.shape().dim(0), hiddenSize), x.dtype()));
        State state = new State(zero, zero);
        List<Var> outputs = new ArrayList<>(steps);
        for (int t = 0; t < steps; t++) {
            int at = t;
            State previous = state;
            // the state comes from x and the parameters: x alone tells whether any of it needs a gradient
            List<Var> next = pass.released(List.of(x), () -> {
                State s = step(inputGatesAt.apply(at), hiddenGates(previous.hidden(), pass), previous);
                return s.cell() == null ? List.of(s.hidden()) : List.of(s.hidden(), s.cell());
            });
            state = new State(next.get(0), next.size() > 1 ? next.get(1) : null);
            outputs.add(state.hidden());
        }
        return new Run(outputs);
    }

    /** {@code x W_ih^T + b_ih}, {@code [n, gates * hidden]}. */
    private Var inputGates(Var x, Forward pass) {
        return x.linear(pass.param(weightIh), pass.param(biasIh));
    }

    /** {@code h W_hh^T + b_hh}, {@code [n, gates * hidden]}. */
    private Var hiddenGates(Var h, Forward pass) {
        return h.linear(pass.param(weightHh), pass.param(biasHh));
    }

    /** Block {@code k} of {@code gates}, {@code [n, hidden]}. */
    protected final Var gate(Var gates, int k) {
        return gates.slice(1, k * hiddenSize, (k + 1) * hiddenSize);
    }

    /** One step from {@code previous}, given this step's input gates {@code gi} and hidden gates {@code gh}. */
    protected abstract State step(Var gi, Var gh, State previous);

    @Override
    public Map<String, Parameter> parameters() {
        Map<String, Parameter> p = new LinkedHashMap<>();
        p.put("weight_ih_l0", weightIh);
        p.put("weight_hh_l0", weightHh);
        p.put("bias_ih_l0", biasIh);
        p.put("bias_hh_l0", biasHh);
        return p;
    }
}
