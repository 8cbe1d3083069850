package org.metarl4j.envs.gym.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.metarl4j.envs.space.Box;
import org.metarl4j.envs.space.Discrete;
import org.metarl4j.envs.space.Space;

/**
 * Spaces and their elements in the protocol's JSON, as upstream's {@code _get_space_properties} and gym's
 * {@code to_jsonable} write them: a Discrete element is an integer, a Box element a list nested by the box's shape.
 */
final class SpaceJson {
    /**
     * What upstream writes for an infinite bound: JSON has no infinity, and {@code _get_space_properties} replaces
     * −∞ / +∞ by ∓1e100.
     */
    static final double INFINITE_BOUND = 1e100;

    private SpaceJson() {
    }

    /**
     * The space's info dict: {@code {"n": n, "name": "Discrete"}} or
     * {@code {"high": [...], "low": [...], "name": "Box", "shape": [...]}} with bounds flattened and ±∞ as ±1e100.
     */
    static Map<String, Object> info(Space space) {
        Map<String, Object> info = new TreeMap<>();
        if (space instanceof Discrete discrete) {
            info.put("name", "Discrete");
            info.put("n", discrete.n());
        } else {
            Box box = (Box) space;
            info.put("name", "Box");
            info.put("shape", box.shape());
            info.put("low", finiteBounds(box.low()));
            info.put("high", finiteBounds(box.high()));
        }
        return info;
    }

    private static double[] finiteBounds(double[] bounds) {
        double[] out = bounds.clone();
        for (int i = 0; i < out.length; i++) {
            if (Double.isInfinite(out[i])) {
                out[i] = Math.signum(out[i]) * INFINITE_BOUND;
            }
        }
        return out;
    }

    /** An element ({@code flatDim} numbers) as JSON: an integer for Discrete, a list nested by shape for Box. */
    static Object element(Space space, double[] flat) {
        if (space instanceof Discrete) {
            return (int) flat[0];
        }
        int[] shape = ((Box) space).shape();
        return nest(flat, shape, 0, 0);
    }

    private static Object nest(double[] flat, int[] shape, int dim, int offset) {
        if (dim == shape.length - 1) {
            return Arrays.copyOfRange(flat, offset, offset + shape[dim]);
        }
        int stride = 1;
        for (int d = dim + 1; d < shape.length; d++) {
            stride *= shape[d];
        }
        List<Object> rows = new ArrayList<>(shape[dim]);
        for (int i = 0; i < shape[dim]; i++) {
            rows.add(nest(flat, shape, dim + 1, offset + i * stride));
        }
        return rows;
    }

    /**
     * The action a step request carries, flattened for {@code Env.step}: an integer for a Discrete space, a list of
     * numbers (nested lists are flattened row-major) for a Box. Range checks are the env's own.
     *
     * @throws GymRequestException (400) naming the env and the expected form for anything else; upstream fails on
     *     these with a 500 HTML page
     */
    static double[] action(String envId, Space space, JsonNode action) {
        if (space instanceof Discrete discrete) {
            if (!action.isIntegralNumber()) {
                throw GymRequestException.badRequest(envId + " expects an integer action in [0, " + (discrete.n() - 1)
                        + "] for its Discrete(" + discrete.n() + ") action space, got "
                        + GymJson.excerpt(action));
            }
            return new double[] {action.asDouble()};
        }
        Box box = (Box) space;
        String expected = envId + " expects a list of " + box.flatDim() + " number(s) for its Box action space (shape "
                + Arrays.toString(box.shape()) + ")";
        if (!action.isArray()) {
            throw GymRequestException.badRequest(expected + ", got " + GymJson.excerpt(action));
        }
        List<Double> numbers = new ArrayList<>();
        if (!flatten(action, numbers)) {
            throw GymRequestException.badRequest(expected + ", got a non-number in "
                    + GymJson.excerpt(action));
        }
        if (numbers.size() != box.flatDim()) {
            throw GymRequestException.badRequest(expected + ", got " + numbers.size());
        }
        double[] flat = new double[numbers.size()];
        for (int i = 0; i < flat.length; i++) {
            flat[i] = numbers.get(i);
        }
        return flat;
    }

    private static boolean flatten(JsonNode node, List<Double> out) {
        if (node.isArray()) {
            for (JsonNode child : node) {
                if (!flatten(child, out)) {
                    return false;
                }
            }
            return true;
        }
        if (!node.isNumber()) {
            return false;
        }
        out.add(node.doubleValue());
        return true;
    }

    /**
     * {@code GET action_space/contains/<x>}: upstream tests {@code int(x)} for membership, so a Discrete space holds
     * x when it is an index in range and a Box space never does (an int is not an array of the box's shape).
     *
     * @throws GymRequestException (400) if {@code x} is not an integer (upstream: a 500 from {@code int(x)})
     */
    static boolean containsIndex(Space space, String x) {
        long value;
        try {
            value = Long.parseLong(x.strip());
        } catch (NumberFormatException e) {
            throw GymRequestException.badRequest("action_space/contains expects an integer, got '"
                    + GymJson.excerpt(x) + "'");
        }
        return space instanceof Discrete discrete && value >= 0 && value < discrete.n();
    }
}
