package org.metarl4j.envs.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.metarl4j.envs.Env;
import org.metarl4j.envs.Step;
import org.junit.jupiter.api.Test;

/**
 * Replays the 200 transitions per env recorded from upstream gym 0.21.0 ({@code /gym-transitions/*.json}): from each
 * recorded {@code state}, one step with the recorded {@code action} must give the recorded {@code next_state} and
 * {@code reward} to ~1e-9 relative, the float32 {@code obs} to float32 precision, and {@code done} exactly.
 */
class GymReplayTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    record Row(double[] state, double[] action, double[] nextState, double[] obs, double reward, boolean done) {
    }

    static List<Row> load(String id) {
        String resource = "/gym-transitions/" + id + ".json";
        try (InputStream in = GymReplayTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, "missing test resource " + resource);
            JsonNode root = MAPPER.readTree(in);
            List<Row> rows = new ArrayList<>();
            for (JsonNode n : root) {
                JsonNode a = n.get("action");
                double[] action = a.isArray() ? doubles(a) : new double[] {a.asDouble()};
                rows.add(new Row(doubles(n.get("state")), action, doubles(n.get("next_state")),
                        doubles(n.get("obs")), n.get("reward").asDouble(), n.get("done").asBoolean()));
            }
            return rows;
        } catch (IOException e) {
            throw new AssertionError("cannot read " + resource, e);
        }
    }

    private static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    /** |a - b| <= 1e-9 |b|, or <= 1e-12 when b is (near) zero. */
    static boolean closeRelative(double actual, double expected) {
        return Math.abs(actual - expected) <= Math.max(1e-9 * Math.abs(expected), 1e-12);
    }

    /** Float32 precision: |a - b| <= 1e-6 max(1, |b|). */
    static boolean closeFloat(double actual, double expected) {
        return Math.abs(actual - expected) <= 1e-6 * Math.max(1.0, Math.abs(expected));
    }

    private static <E extends Env<?>> void replay(String id, Supplier<E> factory, ResetTo<E> resetTo,
                                                  Function<E, double[]> state) {
        List<Row> rows = load(id);
        assertEquals(200, rows.size(), id + " reference rows");
        E env = factory.get();
        List<String> failures = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            resetTo.apply(env, row.state());
            Step step = env.step(row.action());
            double[] next = state.apply(env);
            String where = id + " row " + r + ": ";
            assertEquals(row.nextState().length, next.length, where + "state length");
            for (int i = 0; i < next.length; i++) {
                if (!closeRelative(next[i], row.nextState()[i])) {
                    failures.add(where + "next_state[" + i + "] " + next[i] + " vs " + row.nextState()[i]);
                }
            }
            assertEquals(row.obs().length, step.observation().length, where + "obs length");
            for (int i = 0; i < row.obs().length; i++) {
                if (!closeFloat(step.observation()[i], row.obs()[i])) {
                    failures.add(where + "obs[" + i + "] " + step.observation()[i] + " vs " + row.obs()[i]);
                }
            }
            if (!closeRelative(step.reward(), row.reward())) {
                failures.add(where + "reward " + step.reward() + " vs " + row.reward());
            }
            if (step.terminated() != row.done()) {
                failures.add(where + "terminated " + step.terminated() + " vs done " + row.done());
            }
            assertFalse(step.truncated(), where + "a single step is never truncated");
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " mismatches, first: " + String.join("\n", failures.subList(0,
                    Math.min(10, failures.size()))));
        }
    }

    @FunctionalInterface
    interface ResetTo<E> {
        double[] apply(E env, double[] state);
    }

    @Test
    void cartPoleMatchesGym() {
        replay(CartPoleEnv.ID, CartPoleEnv::new, CartPoleEnv::resetTo, CartPoleEnv::state);
    }

    @Test
    void pendulumMatchesGym() {
        replay(PendulumEnv.ID, PendulumEnv::new, PendulumEnv::resetTo, PendulumEnv::state);
    }

    @Test
    void mountainCarContinuousMatchesGym() {
        replay(MountainCarContinuousEnv.ID, MountainCarContinuousEnv::new, MountainCarContinuousEnv::resetTo,
                MountainCarContinuousEnv::state);
    }

    @Test
    void acrobotMatchesGym() {
        replay(AcrobotEnv.ID, AcrobotEnv::new, AcrobotEnv::resetTo, AcrobotEnv::state);
    }

    @Test
    void referenceDataCoversTerminalRows() {
        // The replay would be weak if no row terminated: check the data exercises the terminal branch where one exists.
        assertTrue(load(CartPoleEnv.ID).stream().anyMatch(Row::done));
        assertTrue(load(AcrobotEnv.ID).stream().anyMatch(Row::done));
        assertTrue(load(MountainCarContinuousEnv.ID).stream().anyMatch(Row::done));
    }
}
