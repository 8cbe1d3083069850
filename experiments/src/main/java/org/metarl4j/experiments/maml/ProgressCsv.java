package org.metarl4j.experiments.maml;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.metarl4j.meta.maml.IterationLog;
import org.metarl4j.meta.optim.OuterStep;

/** {@code progress.csv}: one row per meta-iteration, flushed at once so a killed run keeps every finished row. */
final class ProgressCsv implements AutoCloseable {
    static final String HEADER = "iteration,wall_seconds,env_steps,return_before,return_after,loss_before,"
            + "loss_after,kl,line_search_steps,gradient_norm,sampling_seconds,update_seconds,gradient_seconds,"
            + "curvature_seconds,line_search_seconds";
    private final BufferedWriter out;

    ProgressCsv(Path file) {
        try {
            out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            out.write(HEADER + "\n");
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    void append(IterationLog log) {
        OuterStep s = log.step();
        String row = String.format(Locale.ROOT, "%d,%.3f,%d,%.6f,%.6f,%.8g,%.8g,%.8g,%s,%.8g,%.4f,%.4f,%.4f,%.4f,%.4f",
                log.iteration(), log.wallSeconds(), log.envSteps(), log.returnBefore(), log.returnAfter(),
                s.lossBefore(), s.lossAfter(), s.kl(),
                Double.isNaN(s.lineSearchSteps()) ? "" : Integer.toString((int) s.lineSearchSteps()),
                s.gradientNorm(), log.samplingSeconds(), log.updateSeconds(), s.phases().gradient(),
                s.phases().curvature(), s.phases().lineSearch());
        try {
            out.write(row + "\n");
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to progress.csv: " + e.getMessage(), e);
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
