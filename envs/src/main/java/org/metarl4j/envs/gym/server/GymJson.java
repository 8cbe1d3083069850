package org.metarl4j.envs.gym.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The one JSON mapper of the protocol. Bodies are written the way Flask's {@code jsonify} writes them upstream:
 * compact, keys sorted, a trailing newline. Reading accepts {@code NaN} and {@code Infinity}, which Python's
 * {@code json.dumps} emits for non-finite floats, so such an action reaches the env's own check and gets a clear
 * message instead of a parse error.
 */
final class GymJson {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private GymJson() {
    }

    /** {@code value} as a compact JSON body with sorted keys and a trailing newline. */
    static byte[] body(Object value) {
        return (write(value) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** {@code value} as compact JSON; for comparing values the way upstream does, by their JSON text. */
    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses JSON this program wrote itself (a task from {@code Tasks.toJson}). */
    static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read our own JSON " + json + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Parses {@code bytes}, or returns null if they are empty or not JSON. */
    static JsonNode parseOrNull(byte[] bytes) {
        if (bytes.length == 0) {
            return null;
        }
        try {
            JsonNode node = MAPPER.readTree(bytes);
            return node == null || node.isMissingNode() ? null : node;
        } catch (IOException e) {
            return null;
        }
    }

    /** A value as short text for a message (a JSON node as its JSON, a String as it is), cut at 80 characters. */
    static String excerpt(Object value) {
        String text = value instanceof String string ? string : value.toString();
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
