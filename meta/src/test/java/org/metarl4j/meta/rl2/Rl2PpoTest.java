package org.metarl4j.meta.rl2;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import java.util.function.Supplier;
import org.metarl4j.agents.recurrent.GaussianHead;
import org.metarl4j.agents.recurrent.GruCore;
import org.metarl4j.agents.recurrent.LstmCore;
import org.metarl4j.agents.recurrent.MannCore;
import org.metarl4j.agents.recurrent.Rl2Policy;
import org.metarl4j.agents.trial.TrialRunner;
import org.metarl4j.envs.Env;
import org.metarl4j.envs.Task;
import org.metarl4j.envs.TaskDistribution;
import org.metarl4j.envs.bandit.BanditTask;
import org.metarl4j.envs.bandit.BanditTaskDistribution;
import org.metarl4j.envs.bandit.BernoulliBanditEnv;
import org.metarl4j.envs.navigation.Navigation2DEnv;
import org.metarl4j.envs.navigation.NavigationTask;
import org.metarl4j.envs.navigation.NavigationTaskDistribution;
import org.nd4j.linalg.api.buffer.DataType;

class Rl2PpoTest {

    /** The PPO loss's gradient through the heads and the GRU matches central differences (double precision). */
    @Test
    void surrogateGradientMatchesCentralDifferencesWithAGruCore() {
        check(new Rl2Policy<>(1, 3, 5, DataType.DOUBLE), () -> new BernoulliBanditEnv(3),
                new BanditTaskDistribution(3));
    }

    @Test
    void surrogateGradientMatchesCentralDifferencesWithAnLstmCore() {
        check(new Rl2Policy<>(1, 3, new LstmCore(Rl2Policy.inputSize(1, 3), 4, DataType.DOUBLE), DataType.DOUBLE),
                () -> new BernoulliBanditEnv(3), new BanditTaskDistribution(3));
    }

    @Test
    void surrogateGradientMatchesCentralDifferencesWithAMemoryAugmentedCore() {
        check(new Rl2Policy<>(1, 3, new MannCore(Rl2Policy.inputSize(1, 3), 4, 5, 3, 2, 0.95, DataType.DOUBLE),
                DataType.DOUBLE), () -> new BernoulliBanditEnv(3), new BanditTaskDistribution(3));
    }

    /** Continuous actions: the Gaussian head's mean and its log-std parameters, on short 2D-navigation episodes. */
    @Test
    void surrogateGradientMatchesCentralDifferencesWithAGaussianHead() {
        GaussianHead head = new GaussianHead(2);
        Rl2Policy<NavigationTask> policy = new Rl2Policy<>(2, head,
                new GruCore(Rl2Policy.inputSize(2, head), 4, DataType.DOUBLE), DataType.DOUBLE);
        check(policy, () -> new Navigation2DEnv(new NavigationTask(0, 0), 3), NavigationTaskDistribution.standard());
    }

    private static <T extends Task> void check(Rl2Policy<T> policy, Supplier<? extends Env<T>> envs,
                                               TaskDistribution<T> distribution) {
        Rl2Config config = new Rl2Config(3, 1, 6, 4, 5, 0.9, 0.8, 0.2, 1, 1e-3, 0.05, 0.5, 1e9, 1.0);
        Rl2Ppo<T> ppo = new Rl2Ppo<>(config, policy, envs, distribution);
        SplittableRandom rng = new SplittableRandom(5);
        double[] theta = policy.initialParameters(rng);
        List<T> tasks = distribution.sample(6, rng.split());
        policy.setParameters(theta);
        new TrialRunner<T>(envs).run(policy, tasks, 4, rng.split());
        Rl2Policy.Recording rec = policy.recording();
        Rl2Ppo.Targets targets = ppo.targets(rec);
        // away from θ_old so the ratios differ from 1 (still inside the clip range)
        double[] moved = theta.clone();
        for (int k = 0; k < moved.length; k++) {
            moved[k] += 0.02 * (rng.nextDouble() - 0.5);
        }
        Rl2Policy.Unroll unroll = policy.unroll(moved, rec.inputs);
        Rl2Ppo.Surrogate s = ppo.surrogate(unroll, rec, targets);
        double[] analytic = policy.gradient(unroll, s.dOutputs(), s.dValues(), s.dExtra());
        double h = 1e-6;
        double[] numeric = new double[moved.length];
        double largest = 0;
        for (int k = 0; k < moved.length; k++) {
            double[] plus = moved.clone();
            double[] minus = moved.clone();
            plus[k] += h;
            minus[k] -= h;
            numeric[k] = (ppo.surrogate(policy.unroll(plus, rec.inputs), rec, targets).loss()
                    - ppo.surrogate(policy.unroll(minus, rec.inputs), rec, targets).loss()) / (2 * h);
            largest = Math.max(largest, Math.abs(analytic[k]));
        }
        // Entries below 1e-4 of the largest are compared on that scale: central differences cannot resolve them
        // better (rounding ≈ 1e-16·|L|/h), and their last digits follow the BLAS kernels' summation order.
        double worst = 0;
        for (int k = 0; k < moved.length; k++) {
            worst = Math.max(worst, Math.abs(numeric[k] - analytic[k]) / Math.max(1e-4 * largest,
                    Math.abs(numeric[k]) + Math.abs(analytic[k])));
        }
        assertTrue(worst < 1e-5, "worst relative error " + worst);
    }

    /** Scaled rewards scale the value targets and leave the normalised advantages as they are. */
    @Test
    void rewardScaleScalesTheValueTargetsOnly() {
        Rl2Policy<BanditTask> policy = new Rl2Policy<>(1, 3, 5, DataType.DOUBLE);
        SplittableRandom rng = new SplittableRandom(2);
        policy.setParameters(policy.initialParameters(rng));
        new TrialRunner<BanditTask>(() -> new BernoulliBanditEnv(3)).run(policy,
                new BanditTaskDistribution(3).sample(6, rng.split()), 4, rng.split());
        Rl2Policy.Recording rec = policy.recording();
        for (int t = 0; t < rec.steps(); t++) {
            java.util.Arrays.fill(rec.values.get(t), 0.0); // V = 0: the targets are plain discounted returns
        }
        Rl2Ppo.Targets one = ppo(1.0, policy).targets(rec);
        Rl2Ppo.Targets tenth = ppo(0.1, policy).targets(rec);
        for (int t = 0; t < rec.steps(); t++) {
            for (int i = 0; i < 6; i++) {
                org.junit.jupiter.api.Assertions.assertEquals(0.1 * one.returns()[t][i], tenth.returns()[t][i], 1e-12);
                org.junit.jupiter.api.Assertions.assertEquals(one.advantages()[t][i], tenth.advantages()[t][i], 1e-6);
            }
        }
    }

    private static Rl2Ppo<BanditTask> ppo(double rewardScale, Rl2Policy<BanditTask> policy) {
        return new Rl2Ppo<>(new Rl2Config(1, 1, 6, 4, 5, 0.9, 0.8, 0.2, 1, 1e-3, 0.0, 0.5, 1.0, rewardScale), policy,
                () -> new BernoulliBanditEnv(3), new BanditTaskDistribution(3));
    }

    @Test
    void sameSeedGivesIdenticalTraining() {
        Rl2Config config = new Rl2Config(4, 3, 8, 5, 6, 0.99, 0.3, 0.2, 2, 3e-3, 0.01, 0.5, 1.0, 1.0);
        double[][] runs = new double[2][];
        List<Double> returns = new java.util.ArrayList<>();
        for (int r = 0; r < 2; r++) {
            Rl2Policy<BanditTask> policy = new Rl2Policy<>(1, 3, 6, DataType.FLOAT);
            Rl2Ppo<BanditTask> ppo = new Rl2Ppo<>(config, policy, () -> new BernoulliBanditEnv(3),
                    new BanditTaskDistribution(3));
            runs[r] = ppo.train(policy.initialParameters(new SplittableRandom(4)),
                    (log, theta) -> returns.add(log.meanTrialReturn()));
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(runs[0], runs[1]);
        org.junit.jupiter.api.Assertions.assertEquals(returns.subList(0, 3), returns.subList(3, 6));
    }
}
