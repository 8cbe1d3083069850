package org.metarl4j.experiments.config;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.function.Function;
import org.metarl4j.agents.recurrent.GruCore;
import org.metarl4j.agents.recurrent.LstmCore;
import org.metarl4j.agents.recurrent.MannCore;
import org.metarl4j.agents.recurrent.RecurrentCore;
import org.metarl4j.agents.snail.SnailCore;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The memory of a trial-based policy ({@code rl2.core}): the GRU of RL² (Duan et al. 2016 §2.2), an LSTM (the "LSTM
 * (RL²)" row of SNAIL's Table 4), a memory-augmented network (Santoro et al. 2016) whose LSTM controller has the
 * hidden size and whose external memory has {@link MannCore}'s default shape, or SNAIL's temporal convolutions and
 * causal attention (Mishra et al. 2018) in the paper's architecture for the action space (its size is the paper's;
 * {@code hiddenSize} does not apply). Another core is one more constant.
 */
public enum Rl2Core {
    GRU(s -> new GruCore(s.inputSize(), s.hiddenSize(), s.dataType())),
    LSTM(s -> new LstmCore(s.inputSize(), s.hiddenSize(), s.dataType())),
    MANN(s -> new MannCore(s.inputSize(), s.hiddenSize(), MannCore.DEFAULT_SLOTS, MannCore.DEFAULT_WIDTH,
            MannCore.DEFAULT_HEADS, MannCore.DEFAULT_USAGE_DECAY, s.dataType())),
    SNAIL(s -> s.continuousActions() ? SnailCore.forContinuousControl(s.inputSize(), s.maxSteps(), s.dataType())
            : SnailCore.forBanditsAndMdps(s.inputSize(), s.maxSteps(), s.dataType()));

    /**
     * What a core is made for.
     *
     * @param inputSize numbers read per step
     * @param hiddenSize units (GRU, LSTM, MANN controller)
     * @param maxSteps the longest trial in steps (SNAIL's convolutions and attention span it)
     * @param continuousActions whether the action head is Gaussian (SNAIL picks its architecture by it)
     * @param dataType FLOAT or DOUBLE
     */
    public record Shape(int inputSize, int hiddenSize, int maxSteps, boolean continuousActions, DataType dataType) {
    }

    private final Function<Shape, RecurrentCore> factory;

    Rl2Core(Function<Shape, RecurrentCore> factory) {
        this.factory = factory;
    }

    /** A new core of this kind. */
    public RecurrentCore create(Shape shape) {
        return factory.apply(shape);
    }

    /** The name configs use: {@code gru}, {@code lstm}, {@code mann}, {@code snail}. */
    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
