package org.metarl4j.envs.locomotion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.metarl4j.envs.ParameterRange;

class CheetahTaskDistributionTest {

    @Test
    void standardIsMamlsUniformZeroToTwo() {
        List<CheetahVelTask> tasks = CheetahVelTaskDistribution.standard().sample(4000, new SplittableRandom(1));
        double mean = tasks.stream().mapToDouble(CheetahVelTask::velocity).average().orElseThrow();
        assertEquals(1.0, mean, 0.03);
        assertTrue(tasks.stream().allMatch(t -> t.velocity() >= 0 && t.velocity() <= 2));
    }

    @Test
    void trainAndHeldOutSplitsAreDisjointAndCoverZeroToTwo() {
        CheetahVelTaskDistribution train = CheetahVelTaskDistribution.train();
        CheetahVelTaskDistribution test = CheetahVelTaskDistribution.heldOut();
        SplittableRandom rng = new SplittableRandom(2);
        int low = 0;
        for (CheetahVelTask t : train.sample(4000, rng)) {
            assertTrue(t.velocity() >= 0 && t.velocity() <= 2);
            assertFalse(t.velocity() > 0.8 && t.velocity() < 1.2, "held-out velocity in training: " + t);
            low += t.velocity() <= 0.8 ? 1 : 0;
        }
        assertEquals(0.5, low / 4000.0, 0.03, "both intervals in proportion to their lengths (0.8 each)");
        for (CheetahVelTask t : test.sample(1000, rng)) {
            assertTrue(t.velocity() >= 0.8 && t.velocity() <= 1.2);
            assertTrue(test.contains(t.velocity()));
        }
        assertThrows(IllegalArgumentException.class, () -> new CheetahVelTaskDistribution(List.of(
                new ParameterRange("velocity", 0, 1), new ParameterRange("velocity", 0.5, 2))));
        assertThrows(IllegalArgumentException.class, () -> CheetahVelTaskDistribution.uniform(0, 20));
    }

    @Test
    void directionsAreFairCoinFlips() {
        List<CheetahDirTask> tasks = new CheetahDirTaskDistribution().sample(4000, new SplittableRandom(3));
        long forward = tasks.stream().filter(t -> t.direction() == 1).count();
        assertTrue(tasks.stream().allMatch(t -> t.direction() == 1 || t.direction() == -1));
        assertEquals(0.5, forward / 4000.0, 0.03);
    }
}
