package org.metarl4j.experiments.config;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.metarl4j.agents.recurrent.GruCore;
import org.metarl4j.agents.recurrent.LstmCore;
import org.metarl4j.agents.recurrent.MannCore;
import org.metarl4j.agents.recurrent.RecurrentCore;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The memory of an RL² policy ({@code rl2.core}): the GRU of RL² (Duan et al. 2016 §2.2), an LSTM (the "LSTM
 * (RL²)" row of SNAIL's Table 4), or a memory-augmented network (Santoro et al. 2016) whose LSTM controller has the
 * hidden size and whose external memory has {@link MannCore}'s default shape. Another core is one more constant.
 */
public enum Rl2Core {
    GRU(GruCore::new),
    LSTM(LstmCore::new),
    MANN((inputSize, hiddenSize, dataType) -> new MannCore(inputSize, hiddenSize, MannCore.DEFAULT_SLOTS,
            MannCore.DEFAULT_WIDTH, MannCore.DEFAULT_HEADS, MannCore.DEFAULT_USAGE_DECAY, dataType));

    /** How a core is made from its input size, hidden size and data type. */
    @FunctionalInterface
    public interface Factory {
        RecurrentCore create(int inputSize, int hiddenSize, DataType dataType);
    }

    private final Factory factory;

    Rl2Core(Factory factory) {
        this.factory = factory;
    }

    /** A new core reading {@code inputSize} numbers per step with {@code hiddenSize} units. */
    public RecurrentCore create(int inputSize, int hiddenSize, DataType dataType) {
        return factory.create(inputSize, hiddenSize, dataType);
    }

    /** The name configs use: {@code gru}, {@code lstm}, {@code mann}. */
    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
