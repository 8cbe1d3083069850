package org.metarl4j.experiments.run;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An RL² run's evaluation on fresh tasks (its eval.json): total reward per trial of n episodes, mean over the tasks
 * with a normal 95% interval, for the trained policy and for the classic references on the same tasks, beside the
 * paper's row (RL², Duan et al. 2016, Tables 1-2) where it has one.
 *
 * @param family task family
 * @param arms bandit arms k (null for other families)
 * @param episodesPerTrial n
 * @param tasks fresh tasks (one trial each)
 * @param taskSeed the seed the tasks and trials were drawn from
 * @param rl2 the trained policy
 * @param baselines the references, evaluated on the same tasks
 * @param paper the paper's row for this setting, or null
 * @param heldOut the trained policy on as many fresh tasks of the family's held-out split (same seed); null when the
 *     family has none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rl2Evaluation(String family, Integer arms, int episodesPerTrial, int tasks, long taskSeed, Score rl2,
                            List<Score> baselines, Paper paper, Score heldOut) {

    /** Without a held-out score. */
    public Rl2Evaluation(String family, Integer arms, int episodesPerTrial, int tasks, long taskSeed, Score rl2,
                         List<Score> baselines, Paper paper) {
        this(family, arms, episodesPerTrial, tasks, taskSeed, rl2, baselines, paper, null);
    }

    /**
     * One policy's total reward per trial.
     *
     * @param episodeMeans the mean return of each episode of the trial, first to last (what it adapted in-trial)
     * @param published the paper's figure for this policy in this setting, or null
     * @param episodeSuccess for envs that report success: the fraction of trials whose episode j succeeded at any
     *     step, first to last; null otherwise
     * @param episodeSuccessCi95 its 95% half-widths over trials
     * @param trialSuccess the fraction of trials with a success in any episode; null without success
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Score(String policy, double mean, double ci95, double[] episodeMeans, Double published,
                        double[] episodeSuccess, double[] episodeSuccessCi95, Double trialSuccess) {

        /** Without success rates. */
        public Score(String policy, double mean, double ci95, double[] episodeMeans, Double published) {
            this(policy, mean, ci95, episodeMeans, published, null, null, null);
        }

        /** " episode success a% → b%" for envs that report success, else empty. */
        String successSummary() {
            if (episodeSuccess == null) {
                return "";
            }
            return String.format(Locale.ROOT, ", success episode 1 %.1f%% → episode %d %.1f%% (any %.1f%%)",
                    100 * episodeSuccess[0], episodeSuccess.length, 100 * episodeSuccess[episodeSuccess.length - 1],
                    100 * trialSuccess);
        }
    }

    /**
     * @param source table and row
     * @param figures the row, column name to total reward per trial ("RL2" is RL²'s own)
     */
    public record Paper(String source, Map<String, Double> figures) {
    }

    /** One line: each policy's mean ± 95% interval, RL²'s first and last episode, then the paper's RL² figure. */
    public String summary() {
        String scores = Stream.concat(Stream.of(rl2), baselines.stream())
                .map(s -> String.format(Locale.ROOT, "%s %.2f ± %.2f", s.policy(), s.mean(), s.ci95()))
                .collect(Collectors.joining("; "));
        String published = paper == null || !paper.figures().containsKey(Rl2PaperFigures.RL2) ? ""
                : String.format(Locale.ROOT, "; RL² paper %.1f (%s)", paper.figures().get(Rl2PaperFigures.RL2),
                        paper.source());
        double[] episodes = rl2.episodeMeans();
        String adaptation = episodes.length < 2 ? "" : String.format(Locale.ROOT,
                "; RL² episode 1 %.2f → episode %d %.2f", episodes[0], episodes.length, episodes[episodes.length - 1]);
        String heldOutLine = heldOut == null ? "" : String.format(Locale.ROOT,
                "; held-out tasks: %.2f ± %.2f, episode 1 %.2f → episode %d %.2f%s", heldOut.mean(), heldOut.ci95(),
                heldOut.episodeMeans()[0], heldOut.episodeMeans().length,
                heldOut.episodeMeans()[heldOut.episodeMeans().length - 1], heldOut.successSummary());
        return String.format(Locale.ROOT, "%d fresh tasks, total reward per trial of %d episodes: %s%s%s%s%s", tasks,
                episodesPerTrial, scores, adaptation, rl2.successSummary(), published, heldOutLine);
    }
}
