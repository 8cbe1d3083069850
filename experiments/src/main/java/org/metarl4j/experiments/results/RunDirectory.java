package org.metarl4j.experiments.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * One run's output folder, {@code <root>/<experiment>/<yyyyMMdd-HHmmss>-s<seed>/}. Whole files are written to a
 * temporary name and moved into place, so a killed run never leaves a half-written file.
 */
public final class RunDirectory {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private final Path path;

    private RunDirectory(Path path) {
        this.path = path;
    }

    /** Creates a new run folder (adding a suffix if one of that name exists). */
    public static RunDirectory create(Path root, String experiment, long seed) {
        String base = LocalDateTime.now().format(STAMP) + "-s" + seed;
        Path dir = root.resolve(experiment).resolve(base);
        for (int i = 2; Files.exists(dir); i++) {
            dir = root.resolve(experiment).resolve(base + "-" + i);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create run directory " + dir + ": " + e.getMessage(), e);
        }
        return new RunDirectory(dir);
    }

    /** An existing run folder (to resume or re-evaluate a run). */
    public static RunDirectory open(Path existing) {
        if (!Files.isDirectory(existing)) {
            throw new IllegalArgumentException("no run folder at " + existing);
        }
        return new RunDirectory(existing);
    }

    public Path path() {
        return path;
    }

    public Path resolve(String file) {
        return path.resolve(file);
    }

    /** Writes {@code value} as indented JSON to {@code file}, atomically. */
    public Path writeJson(String file, Object value) {
        try {
            return writeAtomically(file, JSON.writeValueAsBytes(value));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path.resolve(file) + ": " + e.getMessage(), e);
        }
    }

    /** Writes {@code text} to {@code file}, atomically. */
    public Path writeText(String file, String text) {
        return writeAtomically(file, text.getBytes(StandardCharsets.UTF_8));
    }

    private Path writeAtomically(String file, byte[] bytes) {
        return writeAtomically(path.resolve(file), bytes);
    }

    /**
     * Writes {@code bytes} to a temporary sibling and moves it onto {@code target} in one step: a killed process leaves
     * the old file or the new one, never a torn one.
     */
    public static Path writeAtomically(Path target, byte[] bytes) {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
