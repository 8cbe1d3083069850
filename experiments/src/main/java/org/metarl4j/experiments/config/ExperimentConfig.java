package org.metarl4j.experiments.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.HashSet;
import java.util.List;
import org.metarl4j.envs.EnvFamilies;
import org.metarl4j.envs.gym.GymFamilies;
import org.metarl4j.meta.maml.MamlConfig;

/**
 * A whole experiment as a config file describes it: a name (its folder under {@code results/}), the agent, the seeds
 * (one run each), the agent's settings (task family, policy, inner and outer optimiser, hyperparameters, budget),
 * the evaluation schedule and the checkpoint policy. {@link ConfigLoader} reads it from YAML or JSON and validates it
 * before anything runs; the resolved form is written to every run's {@code config.json}.
 *
 * @param name experiment name: lower-case letters, digits and dashes
 * @param agent the meta-learner: "maml" or "rl2" (SNAIL will join); its settings are the section of that name and
 *     the other agents' sections must be absent
 * @param seeds one run per seed, distinct
 * @param maml MAML-RL's settings ({@code maml.seed} is set from {@code seeds} per run); null unless agent is maml
 * @param rl2 RL²'s settings; null unless agent is rl2
 * @param gym the gym server to train on when the agent's family is {@code gym}; null otherwise
 * @param evaluation when to evaluate on fresh tasks during training, and the final evaluation's size
 * @param checkpoints how often to checkpoint and how many to keep
 */
@JsonPropertyOrder({"name", "agent", "seeds", "maml", "rl2", "gym", "evaluation", "checkpoints"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExperimentConfig(String name, String agent, List<Long> seeds, MamlConfig maml, Rl2Settings rl2,
                               GymSettings gym, EvaluationSettings evaluation, CheckpointSettings checkpoints) {

    /** MAML-RL (Finn et al. 2017): settings under {@code maml:}. */
    public static final String MAML = "maml";
    /** RL² (Duan et al. 2016): settings under {@code rl2:}. */
    public static final String RL2 = "rl2";
    /** Agents this build can run; each one's settings are the section named after it. */
    public static final List<String> AGENTS = List.of(MAML, RL2);
    /** The section describing the gym server of the {@code gym} family. */
    public static final String GYM = "gym";

    public ExperimentConfig {
        require(name != null && name.matches("[a-z0-9][a-z0-9-]*"),
                "name must be lower-case letters, digits and dashes, got '" + name + "'");
        require(AGENTS.contains(agent), "agent must be one of " + AGENTS + ", got '" + agent + "'");
        require(seeds != null && !seeds.isEmpty(), "seeds must list at least one seed");
        seeds = List.copyOf(seeds);
        require(new HashSet<>(seeds).size() == seeds.size(), "seeds must be distinct, got " + seeds);
        require(agent.equals(MAML) == (maml != null), agent.equals(MAML) ? "agent maml needs a 'maml' section"
                : "key 'maml' does not apply to agent: " + agent + " (its settings go under '" + agent + "')");
        require(agent.equals(RL2) == (rl2 != null), agent.equals(RL2) ? "agent rl2 needs an 'rl2' section"
                : "key 'rl2' does not apply to agent: " + agent + " (its settings go under '" + agent + "')");
        require(maml == null || familyNames().contains(maml.family()),
                "maml.family must be one of " + familyNames() + ", got '" + (maml == null ? null
                        : maml.family()) + "'");
        String family = maml != null ? maml.family() : rl2 != null ? rl2.family() : null;
        require(gym != null || !GymFamilies.NAME.equals(family), agent + ".family gym needs a 'gym' section "
                + "(url, envIds, maxEpisodeSteps) naming the server to train on");
        require(gym == null || GymFamilies.NAME.equals(family), "key 'gym' applies only to " + agent
                + ".family: gym, got '" + family + "'");
        require(evaluation != null, "evaluation settings are missing");
        require(checkpoints != null, "checkpoint settings are missing");
    }

    /**
     * Evaluation on fresh tasks.
     *
     * @param every evaluate every this many meta-iterations during training (0: only at the end)
     * @param tasks fresh tasks of each evaluation during training (the final one uses {@code maml.evalTasks} or
     *     {@code rl2.evalTasks})
     */
    public record EvaluationSettings(int every, int tasks) {
        public EvaluationSettings {
            require(every >= 0, "evaluation.every must be >= 0 (0 = only at the end), got " + every);
            require(tasks >= 2, "evaluation.tasks must be >= 2, got " + tasks);
        }

        /** Whether to evaluate after {@code done} of {@code total} iterations (the final evaluation is separate). */
        public boolean due(int done, int total) {
            return every > 0 && done % every == 0 && done < total;
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

        /** Whether to checkpoint after {@code done} of {@code total} iterations (always after the last). */
        public boolean due(int done, int total) {
            return done % every == 0 || done == total;
        }
    }

    /** The task families a config may name: the built-in ones, their variants and {@code gym} (a server's envs). */
    public static List<String> familyNames() {
        List<String> names = new java.util.ArrayList<>(EnvFamilies.names());
        EnvFamilies.variants().forEach(v -> names.add(v.name()));
        names.add(GymFamilies.NAME);
        return List.copyOf(names);
    }

    /** The agent's task family name ({@code maml.family} or {@code rl2.family}). */
    public String family() {
        return maml != null ? maml.family() : rl2.family();
    }

    /** This experiment's MAML settings for one of its seeds. */
    public MamlConfig mamlForSeed(long seed) {
        return maml.withSeed(seed);
    }

    /** A copy running other seeds. */
    public ExperimentConfig withSeeds(List<Long> newSeeds) {
        return new ExperimentConfig(name, agent, newSeeds, maml, rl2, gym, evaluation, checkpoints);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
