package org.metarl4j.experiments.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.metarl4j.agents.recurrent.Rl2Policy;
import org.metarl4j.agents.trial.TrialRunner;
import org.metarl4j.agents.trial.TrialScore;
import org.metarl4j.envs.EnvFamily;
import org.metarl4j.envs.Task;
import org.metarl4j.envs.TaskDistribution;
import org.metarl4j.experiments.config.Rl2Settings;

/**
 * Scores RL² parameters on fresh tasks the way RL²'s tables do (Duan et al. 2016 §3): one trial of n episodes per
 * task, its total reward, the mean over tasks with a 95% interval. The final evaluation adds the classic references
 * ({@link Rl2Baselines}) on the very same tasks (the same seed draws the same tasks and trial generators for every
 * policy) and the paper's row. It keeps its own policy, so evaluating never touches the one being trained.
 */
final class Rl2Evaluator<T extends Task> {
    private final Rl2Settings settings;
    private final EnvFamily<T> family;
    private final Rl2Policy<T> policy;
    private final TrialRunner<T> runner;

    Rl2Evaluator(Rl2Settings settings, EnvFamily<T> family) {
        this.settings = settings;
        this.family = family;
        this.policy = Rl2Policies.create(settings, family);
        this.runner = new TrialRunner<>(family.envFactory());
    }

    /** The policy at {@code theta} on {@code tasks} fresh tasks drawn from {@code seed}. */
    TrialScore score(double[] theta, int tasks, long seed) {
        return score(theta, family.tasks(), tasks, seed);
    }

    private TrialScore score(double[] theta, TaskDistribution<T> distribution, int tasks, long seed) {
        if (theta.length != policy.numParams()) {
            throw new IllegalArgumentException("the parameters have " + theta.length + " entries; this config's "
                    + "policy has " + policy.numParams());
        }
        policy.setParameters(theta);
        return runner.evaluate(policy, distribution, tasks, settings.episodesPerTrial(), seed);
    }

    /** {@link #score} beside the references on the same tasks and the paper's row. */
    Rl2Evaluation evaluate(double[] theta, int tasks, long seed) {
        TrialScore rl2 = score(theta, tasks, seed);
        Optional<Rl2PaperFigures.Row> row = Rl2PaperFigures.row(family.name(), settings.arms(),
                settings.episodesPerTrial());
        List<Rl2Evaluation.Score> baselines = new ArrayList<>();
        for (Rl2Baselines.Baseline<T> b : Rl2Baselines.forFamily(family, settings.arms())) {
            TrialScore s = runner.evaluate(b.policy(), family.tasks(), tasks, settings.episodesPerTrial(), seed);
            baselines.add(score(s, row.map(r -> b.paperColumn() == null ? null : r.figures().get(b.paperColumn()))
                    .orElse(null)));
        }
        return new Rl2Evaluation(family.name(), family.name().equals(Rl2Settings.BANDIT) ? settings.arms() : null,
                settings.episodesPerTrial(), tasks, seed,
                score(rl2, row.map(r -> r.figures().get(Rl2PaperFigures.RL2)).orElse(null)), baselines,
                row.map(r -> new Rl2Evaluation.Paper(r.source(), r.figures())).orElse(null),
                family.heldOut().map(d -> score(score(theta, d, tasks, seed), null)).orElse(null));
    }

    private static Rl2Evaluation.Score score(TrialScore s, Double published) {
        return new Rl2Evaluation.Score(s.policy(), s.mean(), s.ci95(), s.episodeMeans(), published,
                s.episodeSuccess(), s.episodeSuccessCi95(), s.trialSuccess());
    }
}
