package org.metarl4j.experiments.run;

import org.metarl4j.experiments.results.RunDirectory;

/**
 * A run's four per-iteration logs, opened for a new run or reopened after the checkpointed iteration (rows past it
 * dropped, see {@link RunLog#resume}): {@code progress.csv} (deterministic numbers only), {@code timings.csv} (wall
 * time), {@code evaluations.csv} (fresh-task evaluations during training) and {@code metrics.jsonl} (all of them).
 */
record RunLogs(RunLog progress, RunLog timings, RunLog evaluations, RunLog metrics) implements AutoCloseable {

    /** The CSV headers of an agent's logs. */
    record Headers(String progress, String timings, String evaluations) {
    }

    /** Opens the logs of {@code dir} keeping rows up to {@code lastIteration} (-1: none). */
    static RunLogs open(RunDirectory dir, Headers headers, int lastIteration) {
        RunLog progress = RunLog.resume(dir.resolve("progress.csv"), headers.progress(), lastIteration);
        RunLog timings = null;
        RunLog evaluations = null;
        try {
            timings = RunLog.resume(dir.resolve("timings.csv"), headers.timings(), lastIteration);
            evaluations = RunLog.resume(dir.resolve("evaluations.csv"), headers.evaluations(), lastIteration);
            return new RunLogs(progress, timings, evaluations, RunLog.resume(dir.resolve("metrics.jsonl"), null,
                    lastIteration));
        } catch (RuntimeException e) {
            for (RunLog log : new RunLog[] {progress, timings, evaluations}) {
                if (log != null) {
                    log.close();
                }
            }
            throw e;
        }
    }

    @Override
    public void close() {
        try (progress; timings; evaluations; metrics) {
            // closes all four, even if one fails
        }
    }
}
