package org.metarl4j.experiments.survey;

/**
 * Returns of one reference policy on one family.
 *
 * @param meanReturn mean over tasks of the task's mean episode return
 * @param ci95 half-width of the normal-approximation 95% confidence interval over tasks (1.96·sd/√tasks)
 * @param successRate fraction of episodes that reached the task's success flag at some step (Meta-World's count),
 *     for families with one (the robotics families); NaN otherwise
 */
public record SurveyResult(String family, String envId, String policy, int tasks, int episodesPerTask,
                           double meanReturn, double ci95, long envSteps, double seconds, double successRate) {

    public static final String CSV_HEADER =
            "family,env_id,policy,tasks,episodes_per_task,mean_return,ci95,env_steps,seconds,success_rate";

    public String csvRow() {
        return String.join(",", family, envId, policy, Integer.toString(tasks), Integer.toString(episodesPerTask),
                Double.toString(meanReturn), Double.toString(ci95), Long.toString(envSteps),
                String.format(java.util.Locale.ROOT, "%.3f", seconds),
                Double.isNaN(successRate) ? "" : Double.toString(successRate));
    }
}
