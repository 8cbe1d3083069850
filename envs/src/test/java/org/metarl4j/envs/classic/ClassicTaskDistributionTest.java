package org.metarl4j.envs.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.metarl4j.envs.ParameterRange;
import org.metarl4j.envs.Task;
import org.metarl4j.envs.TaskDistribution;

class ClassicTaskDistributionTest {

    private static final List<TaskDistribution<?>> STANDARD = List.of(CartPoleTaskDistribution.standard(),
            PendulumTaskDistribution.standard(), MountainCarTaskDistribution.standard(),
            AcrobotTaskDistribution.standard());

    @Test
    void sameSeedSameTasks() {
        for (TaskDistribution<?> d : STANDARD) {
            assertEquals(d.sample(20, new SplittableRandom(7)), d.sample(20, new SplittableRandom(7)));
            assertNotEquals(d.sample(20, new SplittableRandom(7)), d.sample(20, new SplittableRandom(8)));
        }
    }

    @Test
    void sampledTasksAreValidAndInsideTheStandardRanges() {
        SplittableRandom rng = new SplittableRandom(11);
        for (TaskDistribution<?> d : STANDARD) {
            for (Task t : d.sample(500, rng)) {
                t.validate();
            }
        }
        for (CartPoleTask t : CartPoleTaskDistribution.standard().sample(500, rng)) {
            assertBetween(t.gravity(), 4.9, 14.7);
            assertBetween(t.cartMass(), 0.5, 1.5);
            assertBetween(t.poleMass(), 0.05, 0.15);
            assertBetween(t.poleLength(), 0.25, 0.75);
            assertBetween(t.forceMagnitude(), 5.0, 15.0);
        }
        for (PendulumTask t : PendulumTaskDistribution.standard().sample(500, rng)) {
            assertBetween(t.mass(), 0.5, 1.5);
            assertBetween(t.length(), 0.5, 1.5);
            assertBetween(t.gravity(), 5.0, 15.0);
            assertEquals(2.0, t.maxTorque());
        }
        for (MountainCarTask t : MountainCarTaskDistribution.standard().sample(500, rng)) {
            assertBetween(t.power(), 0.00075, 0.00225);
        }
        for (AcrobotTask t : AcrobotTaskDistribution.standard().sample(500, rng)) {
            assertBetween(t.linkMass1(), 0.5, 1.5);
            assertBetween(t.linkMass2(), 0.5, 1.5);
            assertBetween(t.linkLength1(), 0.5, 1.5);
            assertBetween(t.linkLength2(), 0.5, 1.5);
        }
    }

    private static void assertBetween(double v, double lo, double hi) {
        assertTrue(v >= lo - 1e-15 && v <= hi + 1e-15, v + " not in [" + lo + ", " + hi + "]");
    }

    @Test
    void samplingOrderIsTheDocumentedOne() {
        CartPoleTask t = CartPoleTaskDistribution.standard().sample(new SplittableRandom(5));
        SplittableRandom rng = new SplittableRandom(5);
        assertEquals(4.9 + 9.8 * rng.nextDouble(), t.gravity(), 1e-12);
        assertEquals(0.5 + rng.nextDouble(), t.cartMass(), 1e-12);
        assertEquals(0.05 + 0.1 * rng.nextDouble(), t.poleMass(), 1e-12);
        assertEquals(0.25 + 0.5 * rng.nextDouble(), t.poleLength(), 1e-12);
        assertEquals(5.0 + 10.0 * rng.nextDouble(), t.forceMagnitude(), 1e-12);

        AcrobotTask a = AcrobotTaskDistribution.standard().sample(new SplittableRandom(6));
        rng = new SplittableRandom(6);
        assertEquals(0.5 + rng.nextDouble(), a.linkMass1(), 1e-12);
        assertEquals(0.5 + rng.nextDouble(), a.linkMass2(), 1e-12);
        assertEquals(0.5 + rng.nextDouble(), a.linkLength1(), 1e-12);
        assertEquals(0.5 + rng.nextDouble(), a.linkLength2(), 1e-12);
    }

    @Test
    void badRangesAreRejected() {
        ParameterRange ok = new ParameterRange("x", 1.0, 2.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CartPoleTaskDistribution(new ParameterRange("gravity", 0.0, 9.8), ok, ok, ok, ok));
        assertTrue(e.getMessage().contains("gravity") && e.getMessage().contains("0.1"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new CartPoleTaskDistribution(ok, ok, ok, new ParameterRange("poleLength", 1.0, 6.0), ok));
        assertThrows(IllegalArgumentException.class,
                () -> new PendulumTaskDistribution(ok, ok, ok, new ParameterRange("maxTorque", 0.0, 2.0)));
        assertThrows(IllegalArgumentException.class,
                () -> new MountainCarTaskDistribution(new ParameterRange("power", 0.001, 0.1)));
        assertThrows(IllegalArgumentException.class,
                () -> new AcrobotTaskDistribution(ok, new ParameterRange("linkMass2", 1.0, 21.0), ok, ok));
        assertThrows(NullPointerException.class, () -> new MountainCarTaskDistribution(null));
        assertThrows(IllegalArgumentException.class, () -> new ParameterRange("power", 0.002, 0.001));
    }

    @Test
    void fixedRangesGiveFixedParameters() {
        MountainCarTaskDistribution d = new MountainCarTaskDistribution(ParameterRange.fixed("power", 0.0015));
        assertEquals(MountainCarTask.standard(), d.sample(new SplittableRandom(1)));
    }
}
