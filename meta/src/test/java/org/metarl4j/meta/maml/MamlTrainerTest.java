package org.metarl4j.meta.maml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.metarl4j.agents.policy.Activation;
import org.metarl4j.agents.policy.GaussianMlpPolicy;
import org.metarl4j.agents.policy.TaskParallelPolicy;
import org.metarl4j.agents.policy.MlpShape;
import org.metarl4j.envs.EnvFamilies;
import org.metarl4j.envs.EnvFamily;
import org.metarl4j.envs.navigation.NavigationTask;
import org.nd4j.linalg.api.buffer.DataType;

class MamlTrainerTest {

    /** A small 2D-navigation run: 4 tasks × 4 episodes, an [8] network. */
    static MamlConfig tiny(int iterations, String outer, List<Double> stepSizes) {
        return new MamlConfig("navigation2d", 5, iterations, 4, 4, List.of(8), Activation.TANH, 0.99, 1.0,
                stepSizes, false, outer, 1e-2, 5, 1e-5, 1.0, 10, 0.8, 0.2, 2, 1e-3, 0.1, 4, 1);
    }

    @SuppressWarnings("unchecked")
    private static MamlTrainer<NavigationTask> trainer(MamlConfig config) {
        EnvFamily<NavigationTask> family = (EnvFamily<NavigationTask>) EnvFamilies.byName("navigation2d");
        GaussianMlpPolicy policy = new GaussianMlpPolicy(
                MlpShape.of(2, config.hiddenSizeArray(), 2, config.activation()), DataType.FLOAT);
        // daemon worker threads; a test JVM does not need them closed
        return new MamlTrainer<>(config, family, config.workers() > 1
                ? new TaskParallelPolicy(policy, config.workers()) : policy);
    }

    private static List<IterationLog> train(MamlConfig config, double[][] finalTheta) {
        List<IterationLog> logs = new ArrayList<>();
        try (MamlTrainer<NavigationTask> trainer = trainer(config)) {
            finalTheta[0] = trainer.train(trainer.initialParameters(), (log, theta) -> logs.add(log));
        }
        return logs;
    }

    @Test
    void sameSeedGivesIdenticalTrainingOnCpu() {
        double[][] a = new double[1][];
        double[][] b = new double[1][];
        List<IterationLog> first = train(tiny(3, "trpo", List.of(0.1)), a);
        List<IterationLog> second = train(tiny(3, "trpo", List.of(0.1)), b);
        assertArrayEquals(a[0], b[0]);
        assertEquals(3, first.size());
        for (int i = 0; i < first.size(); i++) {
            assertEquals(first.get(i).returnBefore(), second.get(i).returnBefore());
            assertEquals(first.get(i).returnAfter(), second.get(i).returnAfter());
            assertEquals(first.get(i).step().kl(), second.get(i).step().kl());
            assertEquals(first.get(i).envSteps(), second.get(i).envSteps());
        }
    }

    @Test
    void restartingAtAnIterationFromItsParametersContinuesExactly() {
        List<IterationLog> whole = new ArrayList<>();
        double[] end;
        double[] afterTwo = null;
        try (MamlTrainer<NavigationTask> trainer = trainer(tiny(4, "trpo", List.of(0.1)))) {
            double[][] kept = new double[4][];
            end = trainer.train(trainer.initialParameters(), (log, theta) -> {
                whole.add(log);
                kept[log.iteration()] = theta.clone();
            });
            afterTwo = kept[1];
        }
        List<IterationLog> resumed = new ArrayList<>();
        double[] resumedEnd;
        try (MamlTrainer<NavigationTask> fresh = trainer(tiny(4, "trpo", List.of(0.1)))) {
            resumedEnd = fresh.train(afterTwo, 2, (log, theta) -> resumed.add(log));
        }
        assertArrayEquals(end, resumedEnd);
        assertEquals(2, resumed.size());
        for (int i = 0; i < 2; i++) {
            assertEquals(whole.get(i + 2).iteration(), resumed.get(i).iteration());
            assertEquals(whole.get(i + 2).returnAfter(), resumed.get(i).returnAfter());
            assertEquals(whole.get(i + 2).step().kl(), resumed.get(i).step().kl());
        }
    }

    @Test
    void workerThreadsDoNotChangeTheResults() {
        double[][] one = new double[1][];
        double[][] three = new double[1][];
        List<IterationLog> a = train(tiny(2, "trpo", List.of(0.1)), one);
        List<IterationLog> b = train(tiny(2, "trpo", List.of(0.1)).withWorkers(3), three);
        assertArrayEquals(one[0], three[0]);
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).step().kl(), b.get(i).step().kl());
            assertEquals(a.get(i).returnAfter(), b.get(i).returnAfter());
        }
    }

    @Test
    void subsampledCurvatureStillStepsInsideTheTrustRegion() {
        double[][] exact = new double[1][];
        double[][] subsampled = new double[1][];
        train(tiny(2, "trpo", List.of(0.1)), exact);
        List<IterationLog> logs = train(tiny(2, "trpo", List.of(0.1)).withCurvatureSubsample(0.5), subsampled);
        // the line search checks the KL on the whole batch, so the trust region holds whatever the curvature saw
        for (IterationLog log : logs) {
            assertTrue(log.step().kl() < 1e-2, "kl " + log.step().kl());
        }
        assertTrue(!java.util.Arrays.equals(exact[0], subsampled[0]), "the subsample must change the direction");
    }

    @Test
    void trpoStepsStayInsideTheTrustRegion() {
        for (IterationLog log : train(tiny(3, "trpo", List.of(0.1)), new double[1][])) {
            assertTrue(log.step().kl() < 1e-2, "kl " + log.step().kl());
            if (log.step().accepted()) {
                assertTrue(log.step().lossAfter() < log.step().lossBefore(), log.toString());
            }
        }
    }

    @Test
    void ppoAndReptileRunOnTheSameMachinery() {
        double[][] start = new double[1][];
        double[][] ppo = new double[1][];
        double[][] reptile = new double[1][];
        train(tiny(0, "trpo", List.of(0.1)), start);
        train(tiny(2, "ppo", List.of(0.1)), ppo);
        train(tiny(2, "reptile", List.of(0.1, 0.1)), reptile);
        assertTrue(!java.util.Arrays.equals(start[0], ppo[0]) && !java.util.Arrays.equals(start[0], reptile[0]));
    }

    @Test
    void divergenceStopsWithTheIteration() {
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> train(tiny(3, "trpo", List.of(1e300)), new double[1][]));
        assertEquals(0, e.iteration());
        assertTrue(e.getMessage().startsWith("training diverged at iteration 0: "), e.getMessage());
    }

    @Test
    void evaluationReportsBeforeAndAfterEachStep() {
        try (MamlTrainer<NavigationTask> trainer = trainer(tiny(0, "trpo", List.of(0.1, 0.05)))) {
            Evaluation evaluation = trainer.evaluate(trainer.initialParameters(), 9);
            assertEquals(3, evaluation.meanReturn().length);
            assertEquals(4, evaluation.tasks());
            for (int k = 0; k < 3; k++) {
                assertTrue(evaluation.meanReturn()[k] < 0 && evaluation.ci95()[k] > 0);
            }
        }
    }
}
