package org.metarl4j.experiments.survey;

import java.util.List;

/**
 * What the task-family survey runs.
 *
 * @param seed one seed for everything: task draws, resets, random actions
 * @param tasks tasks drawn from each family's default distribution
 * @param episodesPerTask episodes per task and policy
 * @param families family names to survey (empty: all registered)
 */
public record SurveyConfig(long seed, int tasks, int episodesPerTask, List<String> families) {

    public SurveyConfig {
        if (tasks < 2) {
            throw new IllegalArgumentException("tasks must be >= 2 (a confidence interval needs two), got " + tasks);
        }
        if (episodesPerTask < 1) {
            throw new IllegalArgumentException("episodesPerTask must be >= 1, got " + episodesPerTask);
        }
        families = List.copyOf(families);
    }
}
