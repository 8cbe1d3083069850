package org.metarl4j.experiments.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.metarl4j.experiments.config.ConfigLoader;
import org.metarl4j.experiments.config.ExperimentConfig;
import org.metarl4j.experiments.results.RunDirectory;
import org.metarl4j.meta.maml.TrainingDivergedException;

/**
 * What every agent's run does around its training loop: creating a run folder with its resolved config and
 * provenance, reopening one to resume it, the seeds of the fresh evaluation tasks, and recording a divergence.
 */
final class RunSession {
    /** Offset of the final evaluation's task seed from the run's seed (fresh tasks, never the training ones). */
    static final long FINAL_EVAL_SEED_OFFSET = 1_000_003L;

    private RunSession() {
    }

    /** A new folder for the run of {@code single}'s one seed, with config.json and provenance.json. */
    static RunDirectory create(ExperimentConfig single, Path root, List<String> commandLine) {
        RunDirectory dir = RunDirectory.create(root, single.name(), single.seeds().get(0));
        dir.writeText("config.json", ConfigLoader.toJson(single));
        dir.writeJson("provenance.json", Provenance.describe(commandLine));
        return dir;
    }

    /** An unfinished run's folder, with a provenance-resumed-*.json for this session. */
    static RunDirectory reopen(Path runDirectory, List<String> commandLine) {
        if (Files.exists(runDirectory.resolve("eval.json"))) {
            throw new IllegalArgumentException(runDirectory + " has finished (eval.json exists); nothing to resume");
        }
        RunDirectory dir = RunDirectory.open(runDirectory);
        dir.writeJson("provenance-resumed-" + System.currentTimeMillis() + ".json", Provenance.describe(commandLine));
        return dir;
    }

    /** The latest checkpoint of the run in {@code runDirectory}, if any. */
    static Optional<Checkpoint> latestCheckpoint(Path runDirectory, ExperimentConfig config) {
        return new Checkpoints(runDirectory, config.checkpoints().keep()).latest();
    }

    /** The resolved config of the run in {@code runDirectory} (its config.json). */
    static ExperimentConfig runConfig(Path runDirectory) {
        Path configFile = runDirectory.resolve("config.json");
        if (!Files.isRegularFile(configFile)) {
            throw new IllegalArgumentException(runDirectory + " is not a run folder (no config.json)");
        }
        return ConfigLoader.read(configFile);
    }

    /** The seed of the fresh tasks of the evaluation after iteration {@code iteration} (fixed, so resumes agree). */
    static long periodicEvalSeed(long seed, int iteration) {
        return seed * 1_000_033L + 7_919L * (iteration + 1L);
    }

    /** Writes error.json (the message and the iteration) and says where the logs are. */
    static void recordDivergence(RunDirectory dir, String label, TrainingDivergedException e, Progress progress) {
        dir.writeJson("error.json", Map.of("error", e.getMessage(), "iteration", e.iteration()));
        progress.message("[" + label + "] " + e.getMessage() + "; the logs so far are in " + dir.path());
    }
}
