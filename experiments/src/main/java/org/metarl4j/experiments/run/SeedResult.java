package org.metarl4j.experiments.run;

import java.nio.file.Path;
import java.util.Map;

/** One finished run of an experiment (one seed), as the multi-seed summary reads it. */
public interface SeedResult {
    long seed();

    Path directory();

    /** The final evaluation, as written to the run's eval.json. */
    Object evaluation();

    /** The final evaluation's headline numbers by summary.json key, e.g. {@code meanAfter}: averaged over seeds. */
    Map<String, Double> headline();

    /**
     * One line for the means over seeds of {@link #headline()}'s numbers, e.g. "before -39.00, after 1 step
     * -15.10".
     */
    String describe(Map<String, Double> means);
}
