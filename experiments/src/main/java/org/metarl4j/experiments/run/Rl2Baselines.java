package org.metarl4j.experiments.run;

import java.util.List;
import org.metarl4j.agents.trial.BanditBaselines;
import org.metarl4j.agents.trial.TabularBaselines;
import org.metarl4j.agents.trial.TrialPolicy;
import org.metarl4j.envs.Env;
import org.metarl4j.envs.EnvFamily;
import org.metarl4j.envs.Task;
import org.metarl4j.envs.space.Discrete;
import org.metarl4j.experiments.config.Rl2Settings;

/**
 * The classic references an RL² run is scored against, on the same fresh tasks and by the same trial evaluation
 * (RL², Duan et al. 2016, Tables 1-2): random, UCB1 (c = √2) and Thompson sampling for Bernoulli bandits; random
 * actions and value iteration on the true MDP (an oracle told the task) for tabular MDPs; none for other families.
 */
final class Rl2Baselines {
    private Rl2Baselines() {
    }

    /**
     * A reference policy and the paper's column it corresponds to.
     *
     * @param paperColumn the column of {@link Rl2PaperFigures} (e.g. "UCB1"), or null where the paper has none
     */
    record Baseline<T extends Task>(TrialPolicy<T> policy, String paperColumn) {
    }

    /** The references for {@code family} ({@code arms} arms for bandits). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static <T extends Task> List<Baseline<T>> forFamily(EnvFamily<T> family, int arms) {
        if (family.name().equals(Rl2Settings.BANDIT)) { // T is BanditTask
            return List.of(new Baseline(BanditBaselines.random(arms), "Random"),
                    new Baseline(BanditBaselines.ucb1(arms, Math.sqrt(2)), "UCB1"),
                    new Baseline(BanditBaselines.thompson(arms), "TS"));
        }
        if (family.name().equals("tabular-mdp")) { // T is TabularMdpTask
            try (Env<T> env = family.envFactory().get()) {
                int actions = ((Discrete) env.actionSpace()).n();
                return List.of(new Baseline(TabularBaselines.random(actions), "Random"),
                        new Baseline(TabularBaselines.valueIterationOracle(env.maxEpisodeSteps()), null));
            }
        }
        return List.of();
    }
}
