package org.metarl4j.agents.policy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * What a flat parameter vector belongs to: the head kind and the MLP. The action size follows: a Gaussian policy has
 * {@code mlp.outputDim()} action dimensions (and that many log-stds after the MLP parameters), a categorical policy
 * {@code mlp.outputDim()} actions.
 */
@JsonIgnoreProperties(value = {"numParams"}, allowGetters = true)
public record PolicySpec(@JsonProperty("kind") Kind kind, @JsonProperty("mlp") MlpShape mlp) {

    public enum Kind {
        /** {@link GaussianMlpPolicy}. */
        GAUSSIAN_MLP,
        /** {@link CategoricalMlpPolicy}. */
        CATEGORICAL_MLP
    }

    public PolicySpec {
        if (kind == null || mlp == null) {
            throw new IllegalArgumentException("policy spec needs a kind and an MLP shape");
        }
    }

    /** Length of the flat parameter vector. */
    @JsonProperty("numParams")
    public int numParams() {
        return mlp.numParams() + (kind == Kind.GAUSSIAN_MLP ? mlp.outputDim() : 0);
    }

    /** A policy of this spec computing in {@code dataType}. */
    public MlpPolicy create(DataType dataType) {
        return kind == Kind.GAUSSIAN_MLP ? new GaussianMlpPolicy(mlp, dataType) : new CategoricalMlpPolicy(mlp, dataType);
    }

    @Override
    public String toString() {
        return kind + " " + mlp;
    }
}
