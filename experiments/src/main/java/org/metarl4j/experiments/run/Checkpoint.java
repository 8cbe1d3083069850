package org.metarl4j.experiments.run;

/**
 * What a run needs to continue exactly where it stopped: the meta-parameters after {@code iteration} and the
 * counters the logs carry on from (iteration i's generators depend only on the seed and i, see {@code MamlTrainer}).
 *
 * @param iteration the last finished meta-iteration (0-based)
 * @param envSteps env steps taken up to and including it
 * @param wallSeconds training wall time up to it (summed over resumed sessions)
 * @param score what "best" compares: the latest evaluation's return after one adaptation step, or the iteration's
 *     query-batch return when no evaluation has run yet
 * @param theta the meta-parameters after {@code iteration}
 */
public record Checkpoint(int iteration, long envSteps, double wallSeconds, double score, double[] theta) {
}
