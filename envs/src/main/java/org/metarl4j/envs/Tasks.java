package org.metarl4j.envs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;

/** JSON round trips for tasks, so a run's tasks can be logged and replayed. */
public final class Tasks {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private Tasks() {
    }

    public static String toJson(Task task) {
        return write(task);
    }

    public static String toJson(List<? extends Task> tasks) {
        try {
            return MAPPER.writerFor(new TypeReference<List<Task>>() { }).writeValueAsString(tasks);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise tasks: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses one task and validates it. */
    public static Task fromJson(String json) {
        Task task = read(json, new TypeReference<Task>() { });
        task.validate();
        return task;
    }

    /** Parses a JSON array of tasks and validates each. */
    public static List<Task> listFromJson(String json) {
        List<Task> tasks = read(json, new TypeReference<List<Task>>() { });
        tasks.forEach(Task::validate);
        return List.copyOf(tasks);
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value + ": " + e.getOriginalMessage(), e);
        }
    }

    private static <V> V read(String json, TypeReference<V> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid task JSON: " + e.getOriginalMessage(), e);
        }
    }
}
