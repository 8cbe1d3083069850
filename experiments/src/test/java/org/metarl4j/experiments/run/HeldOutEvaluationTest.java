package org.metarl4j.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.metarl4j.envs.EnvFamilies;
import org.metarl4j.envs.EnvFamily;
import org.metarl4j.envs.Task;
import org.metarl4j.envs.robotics.RoboticsFamilies;
import org.metarl4j.experiments.config.ConfigLoader;
import org.metarl4j.experiments.config.Rl2Settings;

/** RL² final evaluations add the held-out split and success rates where the family has them, and only there. */
class HeldOutEvaluationTest {

    private static <T extends Task> Rl2Evaluation evaluate(Rl2Settings settings, EnvFamily<T> family, int tasks) {
        Rl2Evaluator<T> evaluator = new Rl2Evaluator<>(settings, family);
        double[] theta = Rl2Policies.create(settings, family).initialParameters(new SplittableRandom(1));
        return evaluator.evaluate(theta, tasks, 9);
    }

    @Test
    void roboticsFamiliesGetHeldOutScoresAndSuccessRates() {
        Rl2Settings settings = ConfigLoader.load("rl2-grasp-lift", List.of("rl2.hiddenSize=4")).rl2();
        Rl2Evaluation e = evaluate(settings, RoboticsFamilies.GRASP_LIFT, 3);
        assertNotNull(e.heldOut());
        assertEquals(2, e.rl2().episodeSuccess().length);
        assertEquals(2, e.heldOut().episodeSuccess().length);
        assertNotNull(e.rl2().trialSuccess());
        // other tasks (the held-out corner), other returns
        assertNotEquals(e.rl2().mean(), e.heldOut().mean());
        assertTrue(e.summary().contains("held-out tasks") && e.summary().contains("success episode 1"),
                e.summary());
    }

    @Test
    void familiesWithoutSplitOrSuccessGetNeither() {
        Rl2Settings settings = ConfigLoader.load("rl2-bandit-n10-k5", List.of("rl2.hiddenSize=4")).rl2();
        Rl2Evaluation e = evaluate(settings, settings.taskFamily(), 4);
        assertNull(e.heldOut());
        assertNull(e.rl2().episodeSuccess());
        assertFalse(e.summary().contains("held-out") || e.summary().contains("success"), e.summary());
    }

    @Test
    void theCheetahVariantHoldsOutTheMiddleBandAndIsNotServedTwice() {
        EnvFamily<?> split = EnvFamilies.byName("cheetah-vel-split");
        assertTrue(split.heldOut().isPresent());
        assertTrue(EnvFamilies.byName("cheetah-vel").heldOut().isEmpty());
        assertFalse(EnvFamilies.names().contains("cheetah-vel-split"));
        assertTrue(RoboticsFamilies.PUSH.heldOut().isPresent());
    }
}
