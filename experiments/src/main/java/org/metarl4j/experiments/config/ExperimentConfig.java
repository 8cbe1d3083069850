package org.metarl4j.experiments.config;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.HashSet;
import java.util.List;
import org.metarl4j.envs.EnvFamilies;
import org.metarl4j.meta.maml.MamlConfig;

/**
 * A whole experiment as a config file describes it: a name (its folder under {@code results/}), the agent, the seeds
 * (one run each), the agent's settings (task family, policy, inner and outer optimiser, hyperparameters, budget),
 * the evaluation schedule and the checkpoint policy. {@link ConfigLoader} reads it from YAML or JSON and validates it
 * before anything runs; the resolved form is written to every run's {@code config.json}.
 *
 * @param name experiment name: lower-case letters, digits and dashes
 * @param agent the meta-learner; "maml" (RL² and SNAIL will join)
 * @param seeds one run per seed, distinct
 * @param maml MAML-RL's settings ({@code maml.seed} is set from {@code seeds} per run)
 * @param evaluation when to evaluate on fresh tasks during training, and the final evaluation's size
 * @param checkpoints how often to checkpoint and how many to keep
 */
@JsonPropertyOrder({"name", "agent", "seeds", "maml", "evaluation", "checkpoints"})
public record ExperimentConfig(String name, String agent, List<Long> seeds, MamlConfig maml,
                               EvaluationSettings evaluation, CheckpointSettings checkpoints) {

    /** Agents this build can run. */
    public static final List<String> AGENTS = List.of("maml");

    public ExperimentConfig {
        require(name != null && name.matches("[a-z0-9][a-z0-9-]*"),
                "name must be lower-case letters, digits and dashes, got '" + name + "'");
        require(AGENTS.contains(agent), "agent must be one of " + AGENTS + ", got '" + agent + "'");
        require(seeds != null && !seeds.isEmpty(), "seeds must list at least one seed");
        seeds = List.copyOf(seeds);
        require(new HashSet<>(seeds).size() == seeds.size(), "seeds must be distinct, got " + seeds);
        require(maml != null, "maml settings are missing");
        require(EnvFamilies.names().contains(maml.family()),
                "maml.family must be one of " + EnvFamilies.names() + ", got '" + maml.family() + "'");
        require(evaluation != null, "evaluation settings are missing");
        require(checkpoints != null, "checkpoint settings are missing");
    }

    /**
     * Evaluation on fresh tasks.
     *
     * @param every evaluate every this many meta-iterations during training (0: only at the end)
     * @param tasks fresh tasks of each evaluation during training (the final one uses {@code maml.evalTasks})
     */
    public record EvaluationSettings(int every, int tasks) {
        public EvaluationSettings {
            require(every >= 0, "evaluation.every must be >= 0 (0 = only at the end), got " + every);
            require(tasks >= 2, "evaluation.tasks must be >= 2, got " + tasks);
        }
    }

    /**
     * Checkpoints (written atomically after an iteration).
     *
     * @param every checkpoint every this many meta-iterations (and after the last)
     * @param keep the most recent checkpoints kept (the best one is kept besides)
     */
    public record CheckpointSettings(int every, int keep) {
        public CheckpointSettings {
            require(every >= 1, "checkpoints.every must be >= 1, got " + every);
            require(keep >= 1, "checkpoints.keep must be >= 1, got " + keep);
        }
    }

    /** This experiment's MAML settings for one of its seeds. */
    public MamlConfig mamlForSeed(long seed) {
        return maml.withSeed(seed);
    }

    /** A copy running other seeds. */
    public ExperimentConfig withSeeds(List<Long> newSeeds) {
        return new ExperimentConfig(name, agent, newSeeds, maml, evaluation, checkpoints);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
