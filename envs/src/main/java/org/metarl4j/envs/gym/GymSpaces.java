package org.metarl4j.envs.gym;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.metarl4j.envs.space.Box;
import org.metarl4j.envs.space.Discrete;
import org.metarl4j.envs.space.Space;

/**
 * gym-http-api's JSON for spaces, observations and actions, in and out of our {@link Space} types and flat
 * {@code double[]} elements.
 *
 * <p>A space is {@code {"name":"Discrete","n":2}} or {@code {"name":"Box","shape":[...],"low":[...],"high":[...]}}
 * with flat, row-major bounds in which ±1e100 stands for ±∞ (JSON has no infinity; the server writes 1e100 instead,
 * see {@code _get_space_properties} in upstream {@code gym_http_server.py}). Other spaces (Tuple, MultiBinary,
 * MultiDiscrete, Dict) have no counterpart here and are refused with {@link UnsupportedSpaceException}.
 */
public final class GymSpaces {
    /** What the server writes for an infinite bound; anything at or beyond it reads as infinite. */
    public static final double INFINITY_STANDIN = 1e100;

    private GymSpaces() {
    }

    /**
     * Our space for the {@code info} object of an action_space / observation_space answer.
     *
     * @param what names the space in messages, e.g. "CartPole-v1 action space"
     */
    public static Space parse(JsonNode info, String what) {
        if (info == null || !info.isObject()) {
            throw new GymProtocolException(what + ": expected a space description object, got " + info, null);
        }
        JsonNode name = info.get("name");
        if (name == null || !name.isTextual()) {
            throw new GymProtocolException(what + ": the space description has no 'name': " + info, null);
        }
        return switch (name.asText()) {
            case "Discrete" -> {
                JsonNode n = info.get("n");
                if (n == null || !n.canConvertToInt() || !n.isIntegralNumber() || n.asInt() <= 0) {
                    throw new GymProtocolException(what + ": a Discrete space needs a positive whole 'n': " + info,
                            null);
                }
                yield new Discrete(n.asInt());
            }
            case "Box" -> box(info, what);
            default -> throw new UnsupportedSpaceException(what + " is a " + name.asText() + " space (" + info
                    + "); MetaRL4J supports Discrete and Box spaces only");
        };
    }

    private static Box box(JsonNode info, String what) {
        JsonNode shapeNode = info.get("shape");
        if (shapeNode == null || !shapeNode.isArray()) {
            throw new GymProtocolException(what + ": a Box space needs a 'shape' list: " + info, null);
        }
        int[] shape = new int[shapeNode.size()];
        for (int i = 0; i < shape.length; i++) {
            JsonNode d = shapeNode.get(i);
            if (!d.isIntegralNumber() || !d.canConvertToInt()) {
                throw new GymProtocolException(what + ": Box shape entries must be whole numbers: " + info, null);
            }
            shape[i] = d.asInt();
        }
        double[] low = bounds(info, "low", what);
        double[] high = bounds(info, "high", what);
        try {
            return new Box(low, high, shape);
        } catch (IllegalArgumentException e) {
            throw new GymProtocolException(what + ": invalid Box space (" + e.getMessage() + "): " + info, e);
        }
    }

    private static double[] bounds(JsonNode info, String key, String what) {
        JsonNode node = info.get(key);
        if (node == null || !node.isArray()) {
            throw new GymProtocolException(what + ": a Box space needs a flat '" + key + "' list: " + info, null);
        }
        double[] values = new double[node.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode v = node.get(i);
            if (!v.isNumber()) {
                throw new GymProtocolException(what + ": Box '" + key + "' must hold numbers, got " + v, null);
            }
            double x = v.asDouble();
            values[i] = x >= INFINITY_STANDIN ? Double.POSITIVE_INFINITY
                    : x <= -INFINITY_STANDIN ? Double.NEGATIVE_INFINITY : x;
        }
        return values;
    }

    /** An observation or action as numbers: a number, or a (nested) list of numbers flattened row-major. */
    public static double[] flatten(JsonNode value, String what) {
        if (value == null || value.isNull()) {
            throw new GymProtocolException(what + " is missing", null);
        }
        if (value.isNumber()) {
            return new double[] {value.asDouble()};
        }
        if (value.isBoolean()) {
            return new double[] {value.asBoolean() ? 1 : 0};
        }
        if (!value.isArray()) {
            throw new GymProtocolException(what + " must be a number or a list of numbers, got " + value, null);
        }
        double[] out = new double[count(value, what)];
        fill(value, out, 0);
        return out;
    }

    private static int count(JsonNode node, String what) {
        if (node.isNumber() || node.isBoolean()) {
            return 1;
        }
        if (!node.isArray()) {
            throw new GymProtocolException(what + " must hold only numbers, got " + node, null);
        }
        int n = 0;
        for (JsonNode child : node) {
            n += count(child, what);
        }
        return n;
    }

    private static int fill(JsonNode node, double[] out, int at) {
        if (node.isNumber()) {
            out[at] = node.asDouble();
            return at + 1;
        }
        if (node.isBoolean()) {
            out[at] = node.asBoolean() ? 1 : 0;
            return at + 1;
        }
        for (JsonNode child : node) {
            at = fill(child, out, at);
        }
        return at;
    }

    /**
     * The JSON action gym expects for {@code space}: a whole number for Discrete (the server passes Python ints on
     * as they are), a list nested to the Box's shape for Box (the server makes a numpy array of it; a flat list would
     * have the wrong shape for a 2-D box).
     */
    public static JsonNode encodeAction(Space space, double[] action, int offset) {
        if (space instanceof Discrete) {
            return JsonNodeFactory.instance.numberNode((int) action[offset]);
        }
        Box box = (Box) space;
        int[] shape = box.shape();
        if (shape.length == 0) {
            return JsonNodeFactory.instance.numberNode(action[offset]);
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        nest(out, shape, 0, action, offset);
        return out;
    }

    private static int nest(ArrayNode into, int[] shape, int dim, double[] action, int at) {
        for (int i = 0; i < shape[dim]; i++) {
            if (dim == shape.length - 1) {
                into.add(action[at++]);
            } else {
                at = nest(into.addArray(), shape, dim + 1, action, at);
            }
        }
        return at;
    }
}
