package org.metarl4j.experiments.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.metarl4j.experiments.results.RunDirectory;

/**
 * A run's {@code checkpoints/} folder: {@code iter-000012.json} files (written to a temporary name and moved into
 * place, so a killed run leaves either the old set or the new one, never a torn file), the {@code keep} most recent
 * of them, and {@code best.json}, a copy of the best-scoring one.
 */
public final class Checkpoints {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private final Path dir;
    private final int keep;

    public Checkpoints(Path runDirectory, int keep) {
        this.dir = runDirectory.resolve("checkpoints");
        this.keep = keep;
    }

    public Path directory() {
        return dir;
    }

    /** Writes {@code checkpoint}, updates best.json if it scores higher, then drops the oldest beyond keep. */
    public void save(Checkpoint checkpoint) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(String.format("iter-%06d.json", checkpoint.iteration()));
            RunDirectory.writeAtomically(file, JSON.writeValueAsBytes(checkpoint));
            Optional<Checkpoint> best = read(dir.resolve("best.json"));
            if (best.isEmpty() || checkpoint.score() > best.get().score()) {
                RunDirectory.writeAtomically(dir.resolve("best.json"), Files.readAllBytes(file));
            }
            List<Path> all = numbered();
            for (int i = 0; i < all.size() - keep; i++) {
                Files.deleteIfExists(all.get(i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The most recent checkpoint, if any. */
    public Optional<Checkpoint> latest() {
        List<Path> all = numbered();
        return all.isEmpty() ? Optional.empty() : read(all.get(all.size() - 1));
    }

    public Optional<Checkpoint> best() {
        return read(dir.resolve("best.json"));
    }

    private List<Path> numbered() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("iter-\\d{6}\\.json"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Optional<Checkpoint> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), Checkpoint.class));
        } catch (IOException e) {
            throw new UncheckedIOException("checkpoint " + file + " is unreadable: " + e.getMessage(), e);
        }
    }
}
