package org.metarl4j.envs.gym.server;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP answer: status, content type, body and extra headers. The factories give the protocol's shapes: a JSON
 * object, 204 with no body (monitor, close), plain text (shutdown), an error {@code {"message": ...}}.
 */
record GymResponse(int status, String contentType, byte[] body, Map<String, String> headers) {
    static final String JSON = "application/json";
    /** What Flask sends for a view that returns a string (upstream's shutdown answer). */
    static final String HTML = "text/html; charset=utf-8";

    GymResponse {
        body = body.clone();
        headers = Map.copyOf(headers);
    }

    /** 200 with a JSON object of the given fields. */
    static GymResponse ok(Map<String, ?> fields) {
        return json(200, fields);
    }

    /** 200 with a JSON object of one field, the common shape ({@code {"instance_id": ...}}, {@code {"member": ...}}). */
    static GymResponse ok(String key, Object value) {
        Map<String, Object> fields = new TreeMap<>();
        fields.put(key, value);
        return json(200, fields);
    }

    static GymResponse json(int status, Map<String, ?> fields) {
        return new GymResponse(status, JSON, GymJson.body(fields), Map.of());
    }

    /** 204 No Content: upstream's answer to monitor start/close and close. */
    static GymResponse noContent() {
        return new GymResponse(204, null, new byte[0], Map.of());
    }

    static GymResponse html(int status, String text) {
        return new GymResponse(status, HTML, text.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    /** {@code {"message": message}} with {@code status}, upstream's error shape. */
    static GymResponse error(int status, String message) {
        return json(status, Map.of("message", message));
    }

    GymResponse withHeader(String name, String value) {
        Map<String, String> more = new TreeMap<>(headers);
        more.put(name, value);
        return new GymResponse(status, contentType, body, more);
    }
}
