package org.metarl4j.experiments.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.metarl4j.experiments.results.RunDirectory;

/**
 * An append-only per-iteration log file (CSV with a header, or JSON lines), flushed after every row so a killed run
 * keeps every finished row. Resuming from a checkpoint first drops the rows of iterations after it (written before the
 * kill but not covered by the checkpoint), rewriting the file atomically, so the continued file equals an
 * uninterrupted run's.
 */
public final class RunLog implements AutoCloseable {
    private static final Pattern JSON_ITERATION = Pattern.compile("\"iteration\"\\s*:\\s*(-?\\d+)");
    private final Path file;
    private final BufferedWriter out;

    private RunLog(Path file, BufferedWriter out) {
        this.file = file;
        this.out = out;
    }

    /** A new file with {@code header} as its first line ({@code null}: no header, JSON lines). */
    public static RunLog create(Path file, String header) {
        try {
            BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            if (header != null) {
                out.write(header + "\n");
                out.flush();
            }
            return new RunLog(file, out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reopens {@code file} for appending after dropping rows of iterations above {@code lastIteration}; creates it
     * if missing.
     */
    public static RunLog resume(Path file, String header, int lastIteration) {
        if (!Files.exists(file)) {
            return create(file, header);
        }
        try {
            List<String> kept = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                if (header != null && kept.isEmpty()) {
                    if (!line.equals(header)) {
                        throw new IllegalStateException(file + " has the header '" + line + "', expected '"
                                + header + "'");
                    }
                    kept.add(line);
                    continue;
                }
                Integer iteration = iterationOf(line, header != null);
                // a torn last line (killed mid-write) has no readable iteration: drop it
                if (iteration != null && iteration <= lastIteration) {
                    kept.add(line);
                }
            }
            RunDirectory.writeAtomically(file, kept.isEmpty() ? new byte[0]
                    : (String.join("\n", kept) + "\n").getBytes(StandardCharsets.UTF_8));
            if (header != null && kept.isEmpty()) {
                return create(file, header);
            }
            return new RunLog(file, Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resume " + file + ": " + e.getMessage(), e);
        }
    }

    private static Integer iterationOf(String line, boolean csv) {
        try {
            if (csv) {
                int comma = line.indexOf(',');
                return Integer.parseInt(comma < 0 ? line : line.substring(0, comma));
            }
            if (!line.endsWith("}")) {
                return null;
            }
            Matcher m = JSON_ITERATION.matcher(line);
            return m.find() ? Integer.parseInt(m.group(1)) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public void append(String row) {
        try {
            out.write(row + "\n");
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
