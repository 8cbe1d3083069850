package org.metarl4j.experiments.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.metarl4j.agents.Nd4jThreads;
import org.metarl4j.envs.EnvFamily;
import org.metarl4j.experiments.config.ConfigLoader;
import org.metarl4j.experiments.config.ExperimentConfig;
import org.metarl4j.experiments.results.RunDirectory;
import org.metarl4j.meta.maml.TrainingDivergedException;

/**
 * What every agent's run does around its training loop: starting and resuming it (creating a run folder with its
 * resolved config and provenance, or reopening one, and opening its task family), the seeds of the fresh evaluation tasks, and recording a divergence.
 */
final class RunSession {
    /** Offset of the final evaluation's task seed from the run's seed (fresh tasks, never the training ones). */
    static final long FINAL_EVAL_SEED_OFFSET = 1_000_003L;

    private RunSession() {
    }

    /** An agent's training once its folder, config, task family and starting checkpoint are settled. */
    @FunctionalInterface
    interface Training<R> {
        R run(RunDirectory dir, ExperimentConfig config, EnvFamily<?> family, Optional<Checkpoint> from);
    }

    /** Starts a new run of {@code config}'s first seed under {@code root}/{@code config.name()}/. */
    static <R> R start(ExperimentConfig config, Path root, List<String> commandLine, Training<R> training) {
        ExperimentConfig single = config.withSeeds(List.of(config.seeds().get(0)));
        return train(create(single, root, commandLine), single, Optional.empty(), training);
    }

    /** Continues the run in {@code runDirectory} from its latest checkpoint (or from the start if it has none). */
    static <R> R resume(Path runDirectory, List<String> commandLine, Training<R> training) {
        ExperimentConfig config = runConfig(runDirectory);
        RunDirectory dir = reopen(runDirectory, commandLine);
        return train(dir, config, latestCheckpoint(runDirectory, config), training);
    }

    /** Runs {@code training} with ND4J's thread defaults and the config's task family, closed afterwards. */
    private static <R> R train(RunDirectory dir, ExperimentConfig config, Optional<Checkpoint> from,
                               Training<R> training) {
        Nd4jThreads.configure();
        try (RunFamily family = RunFamily.open(config)) {
            return training.run(dir, config, family.family(), from);
        }
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
