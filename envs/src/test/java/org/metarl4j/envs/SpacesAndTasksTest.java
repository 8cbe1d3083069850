package org.metarl4j.envs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.metarl4j.envs.classic.CartPoleTask;
import org.metarl4j.envs.navigation.NavigationTask;
import org.metarl4j.envs.space.Box;
import org.metarl4j.envs.space.Discrete;
import org.metarl4j.envs.space.Space;

class SpacesAndTasksTest {

    @Test
    void boxContainsClipsAndSamplesWithinBounds() {
        Box box = Box.of(new double[] {-1, 0}, new double[] {1, Double.POSITIVE_INFINITY});
        assertTrue(box.contains(new double[] {0.5, 1e9}));
        assertFalse(box.contains(new double[] {1.5, 0}));
        assertFalse(box.contains(new double[] {Double.NaN, 0}));
        assertFalse(box.contains(new double[] {0}));
        double[] x = {3, -2};
        box.clip(x, 0);
        assertEquals(List.of(1.0, 0.0), List.of(x[0], x[1]));
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 1000; i++) {
            assertTrue(box.contains(box.sample(rng)));
        }
        assertThrows(IllegalArgumentException.class, () -> Box.of(new double[] {1}, new double[] {0}));
        assertThrows(IllegalArgumentException.class, () -> new Box(new double[] {0, 0}, new double[] {1, 1},
                new int[] {3}));
    }

    @Test
    void discreteHoldsIntegerIndices() {
        Discrete d = new Discrete(3);
        assertTrue(d.contains(new double[] {2}));
        assertFalse(d.contains(new double[] {3}));
        assertFalse(d.contains(new double[] {1.5}));
        assertFalse(d.contains(new double[] {-1}));
        assertThrows(IllegalArgumentException.class, () -> new Discrete(0));
    }

    @Test
    void spacesRoundTripThroughJson() throws Exception {
        JsonMapper mapper = JsonMapper.builder().build();
        Box box = Box.of(new double[] {-1, -2}, new double[] {1, 2});
        assertEquals(box, mapper.readValue(mapper.writeValueAsString(box), Box.class));
        Space d = new Discrete(4);
        assertEquals(d, mapper.readValue(mapper.writeValueAsString(d), Discrete.class));
    }

    @Test
    void tasksRoundTripThroughJsonWithTheirFamily() {
        List<Task> tasks = List.of(new NavigationTask(0.25, -0.125), CartPoleTask.standard());
        String json = Tasks.toJson(tasks);
        assertTrue(json.contains("\"family\":\"navigation2d\""), json);
        assertTrue(json.contains("\"family\":\"cartpole\""), json);
        assertEquals(tasks, Tasks.listFromJson(json));
        assertEquals(tasks.get(0), Tasks.fromJson(Tasks.toJson(tasks.get(0))));
    }

    @Test
    void malformedOrOutOfRangeTaskJsonIsRejectedClearly() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> Tasks.fromJson("{\"family\":\"nope\",\"goalX\":0}"));
        assertTrue(unknown.getMessage().startsWith("invalid task JSON"), unknown.getMessage());
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> Tasks.fromJson("{\"family\":\"cartpole\",\"gravity\":9.8,\"cartMass\":1,\"poleMass\":0.1,"
                        + "\"poleLength\":-0.5,\"forceMagnitude\":10}"));
        assertEquals("cartpole parameter poleLength = -0.5 is out of range: allowed [0.05, 5.0]", range.getMessage());
    }

    @Test
    void parameterRangeValidatesAndSamples() {
        ParameterRange r = new ParameterRange("mass", 1, 2);
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 100; i++) {
            assertTrue(r.contains(r.sample(rng)));
        }
        assertEquals(1.5, ParameterRange.fixed("mass", 1.5).sample(rng));
        assertThrows(IllegalArgumentException.class, () -> new ParameterRange("mass", 2, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ParameterRange("mass", 0, 3).within("pendulum", r));
        assertEquals("pendulum distribution of mass [0.0, 3.0] is out of range: allowed [1.0, 2.0]", e.getMessage());
    }
}
