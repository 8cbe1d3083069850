package org.metarl4j.experiments.run;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a run needs to continue exactly where it stopped: the parameters after {@code iteration}, the optimiser's
 * state where the outer optimiser carries one across iterations, and the counters the logs carry on from (iteration
 * i's generators depend only on the seed and i, see {@code MamlTrainer} and {@code Rl2Ppo}).
 *
 * @param iteration the last finished iteration (0-based)
 * @param envSteps env steps taken up to and including it
 * @param wallSeconds training wall time up to it (summed over resumed sessions)
 * @param score what "best" compares: the latest evaluation's return (after one adaptation step for MAML), or the
 *     iteration's own batch return when no evaluation has run yet
 * @param theta the (meta-)parameters after {@code iteration}
 * @param optimizerState RL²'s PPO: ND4J Adam's moments ({@code Rl2TrainingState.adamState}); null for MAML, whose
 *     outer step keeps nothing between iterations (not written then, so MAML's checkpoints are unchanged)
 */
public record Checkpoint(int iteration, long envSteps, double wallSeconds, double score, double[] theta,
                         @JsonInclude(JsonInclude.Include.NON_NULL) double[] optimizerState) {

    /** A checkpoint without optimiser state (MAML). */
    public Checkpoint(int iteration, long envSteps, double wallSeconds, double score, double[] theta) {
        this(iteration, envSteps, wallSeconds, score, theta, null);
    }
}
