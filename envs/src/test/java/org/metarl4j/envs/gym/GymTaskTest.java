package org.metarl4j.envs.gym;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.metarl4j.envs.ParameterRange;
import org.metarl4j.envs.Task;
import org.metarl4j.envs.Tasks;

class GymTaskTest {
    @Test
    void tasksLogAsJsonWithTheGymFamilyTagAndReplay() {
        GymTask task = new GymTask("CartPole-v1", Map.of("poleLength", 0.8, "gravity", 9.8));
        String json = Tasks.toJson(task);
        assertEquals("{\"family\":\"gym\",\"envId\":\"CartPole-v1\",\"parameters\":{\"gravity\":9.8,"
                + "\"poleLength\":0.8}}", json);
        assertEquals(task, Tasks.fromJson(json));
        assertEquals("{\"family\":\"gym\",\"envId\":\"Pendulum-v1\"}", Tasks.toJson(new GymTask("Pendulum-v1")));
        Task plain = Tasks.fromJson("{\"family\":\"gym\",\"envId\":\"Pendulum-v1\"}");
        assertEquals(new GymTask("Pendulum-v1"), plain);
    }

    @Test
    void invalidTasksAreRefusedWithTheirReason() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new GymTask(" ").validate()).getMessage()
                .contains("gym id such as CartPole-v1"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new GymTask("CartPole-v1",
                Map.of("poleLength", Double.NaN)).validate()).getMessage().contains("'poleLength' = NaN"));
        assertThrows(IllegalArgumentException.class, () -> Tasks.fromJson("{\"family\":\"gym\",\"envId\":\"\"}"));
    }

    @Test
    void theDistributionDrawsEnvIdsThenParametersInOrder() {
        GymTaskDistribution d = new GymTaskDistribution(List.of("A-v0", "B-v0"), List.of(
                new ParameterRange("x", 1, 2), ParameterRange.fixed("y", 3)));
        SplittableRandom rng = new SplittableRandom(1);
        SplittableRandom mirror = new SplittableRandom(1);
        GymTask t = d.sample(rng);
        assertEquals(List.of("A-v0", "B-v0").get(mirror.nextInt(2)), t.envId());
        assertEquals(1 + mirror.nextDouble(), (Double) t.parameters().get("x"), 0.0);
        assertEquals(3.0, t.parameters().get("y"));
        assertEquals(mirror.nextLong(), rng.nextLong(), "the fixed range drew nothing");
        GymTask single = GymTaskDistribution.single("CartPole-v1").sample(rng);
        assertEquals(new GymTask("CartPole-v1"), single);
        assertThrows(IllegalArgumentException.class, () -> new GymTaskDistribution(List.of("A-v0", "A-v0"),
                List.of()));
        assertThrows(IllegalArgumentException.class, () -> new GymTaskDistribution(List.of(), List.of()));
    }
}
