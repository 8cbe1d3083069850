package org.metarl4j.envs.gym.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Optional;

/**
 * The JSON object a request carries, read with upstream's parameter rules ({@code get_required_param} /
 * {@code get_optional_param} in {@code gym_http_server.py}): a value that is {@code null}, {@code ""} or {@code []}
 * counts as not given.
 */
final class RequestBody {
    /** Upstream's message when the body is not JSON (it answers a malformed one with a 400 HTML page; we keep JSON). */
    static final String NOT_JSON = "Request is not a valid json";

    private final ObjectNode fields;

    private RequestBody(ObjectNode fields) {
        this.fields = fields;
    }

    /**
     * Parses a request body that must be a JSON object.
     *
     * @throws GymRequestException (400) if it is empty, not JSON, or JSON but not an object
     */
    static RequestBody parse(byte[] bytes) {
        JsonNode node = GymJson.parseOrNull(bytes);
        if (node == null) {
            throw GymRequestException.badRequest(NOT_JSON);
        }
        if (!node.isObject()) {
            throw GymRequestException.badRequest(NOT_JSON + " object: got " + node.getNodeType().name()
                    .toLowerCase(Locale.ROOT) + " " + GymJson.excerpt(node));
        }
        return new RequestBody((ObjectNode) node);
    }

    /**
     * The value of {@code name}.
     *
     * @throws GymRequestException (400) with upstream's message if it is absent, null, {@code ""} or {@code []}
     */
    JsonNode required(String name) {
        return optional(name).orElseThrow(() -> GymRequestException.badRequest(
                "A required request parameter '" + name + "' was not provided"));
    }

    /** The value of {@code name}, empty if it is absent, null, {@code ""} or {@code []}. */
    Optional<JsonNode> optional(String name) {
        JsonNode value = fields.get(name);
        boolean missing = value == null || value.isNull()
                || (value.isTextual() && value.asText().isEmpty())
                || (value.isArray() && value.isEmpty());
        return missing ? Optional.empty() : Optional.of(value);
    }

    /** The whole object (for comparisons over all its keys). */
    ObjectNode fields() {
        return fields;
    }
}
