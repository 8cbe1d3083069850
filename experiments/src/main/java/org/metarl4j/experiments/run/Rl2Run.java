package org.metarl4j.experiments.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.metarl4j.agents.recurrent.Rl2Policy;
import org.metarl4j.agents.trial.TrialScore;
import org.metarl4j.envs.EnvFamily;
import org.metarl4j.envs.Task;
import org.metarl4j.experiments.config.ExperimentConfig;
import org.metarl4j.experiments.config.Rl2Settings;
import org.metarl4j.experiments.results.RunDirectory;
import org.metarl4j.meta.maml.TrainingDivergedException;
import org.metarl4j.meta.rl2.Rl2Baseline;
import org.metarl4j.meta.rl2.Rl2Ppo;
import org.metarl4j.meta.rl2.Rl2TrainingState;

/**
 * One RL² run (Duan et al. 2016; one seed) in its results folder: PPO over whole trials with per-iteration logs,
 * periodic evaluations on fresh tasks and checkpoints (parameters and Adam's moments), then the final evaluation on
 * {@code rl2.evalTasks} fresh tasks beside the classic references and the paper's row. {@link #resume} continues a
 * stopped run from its last checkpoint so that its files end up equal to an uninterrupted run's.
 *
 * <p>Files: {@code config.json}, {@code provenance.json}, {@code progress.csv} (iteration, env steps, mean total
 * reward per trial of the batch, PPO loss, entropy, approximate KL: deterministic), {@code timings.csv} (wall
 * seconds), {@code metrics.jsonl}, {@code evaluations.csv}, {@code checkpoints/}, {@code theta.json},
 * {@code eval.json} ({@link Rl2Evaluation}), {@code learning_curve.png/svg}, and {@code error.json} if training
 * diverged.
 */
public final class Rl2Run {
    static final String PROGRESS_HEADER = "iteration,env_steps,mean_trial_return,loss,entropy,approx_kl,epochs";
    static final String TIMINGS_HEADER = "iteration,wall_seconds,iteration_seconds";
    static final String EVALUATIONS_HEADER = "iteration,tasks,mean_trial_return,ci95";
    private static final RunLogs.Headers HEADERS = new RunLogs.Headers(PROGRESS_HEADER, TIMINGS_HEADER,
            EVALUATIONS_HEADER);

    /** The outcome of one run. */
    public record Result(long seed, Path directory, double[] theta, Rl2Evaluation evaluation) implements SeedResult {
        @Override
        public Map<String, Double> headline() {
            return Map.of("meanTrialReturn", evaluation.rl2().mean());
        }

        @Override
        public String describe(Map<String, Double> means) {
            return String.format(Locale.ROOT, "total reward per trial %.2f", means.get("meanTrialReturn"));
        }
    }

    private Rl2Run() {
    }

    /** Starts a new run of {@code config}'s first seed under {@code root}/{@code config.name()}/. */
    public static Result start(ExperimentConfig config, Path root, Progress progress, List<String> commandLine) {
        return RunSession.start(config, root, commandLine,
                (dir, single, family, from) -> execute(dir, single, family, from, progress));
    }

    /** Continues the run in {@code runDirectory} from its latest checkpoint (or from the start if it has none). */
    public static Result resume(Path runDirectory, Progress progress, List<String> commandLine) {
        return RunSession.resume(runDirectory, commandLine,
                (dir, config, family, from) -> execute(dir, config, family, from, progress));
    }

    private static <T extends Task> Result execute(RunDirectory dir, ExperimentConfig config, EnvFamily<T> family,
                                                   Optional<Checkpoint> from, Progress progress) {
        long seed = config.seeds().get(0);
        Rl2Settings settings = config.rl2();
        String label = config.name() + " s" + seed;
        int last = from.map(Checkpoint::iteration).orElse(-1);
        Rl2Policy<T> policy = Rl2Policies.create(settings, family);
        // RL²'s separate recurrent baseline: a second network of the policy's shape (only its value output is used)
        Rl2Policy<T> valueNetwork = settings.baseline() == Rl2Baseline.RECURRENT
                ? Rl2Policies.create(settings, family) : null;
        Rl2Ppo<T> ppo = new Rl2Ppo<>(settings.algorithm(seed), policy, valueNetwork, family.envFactory(),
                family.tasks());
        Rl2Evaluator<T> evaluator = new Rl2Evaluator<>(settings, family);
        Rl2TrainingState state = from.isPresent() ? stateAfter(from.get(), dir)
                : Rl2TrainingState.start(policy.initialParameters(new SplittableRandom(seed)));
        Checkpoints checkpoints = new Checkpoints(dir.path(), config.checkpoints().keep());
        long[] envSteps = {from.map(Checkpoint::envSteps).orElse(0L)};
        double wallOffset = from.map(Checkpoint::wallSeconds).orElse(0.0);
        long sessionStart = System.nanoTime();
        int total = settings.iterations();
        double[] theta = null;
        try (RunLogs logs = RunLogs.open(dir, HEADERS, last)) {
            if (from.isPresent()) {
                progress.message(String.format(Locale.ROOT, "[%s] resuming after iteration %d of %d", label,
                        last + 1, total));
            }
            theta = ppo.train(state, (log, after) -> {
                envSteps[0] += log.envSteps();
                double wall = wallOffset + (System.nanoTime() - sessionStart) / 1e9;
                logs.progress().append(progressRow(log, envSteps[0]));
                logs.timings().append(String.format(Locale.ROOT, "%d,%.3f,%.4f", log.iteration(), wall,
                        log.seconds()));
                logs.metrics().append(RunJson.rl2Iteration(log, envSteps[0], wall));
                double score = log.meanTrialReturn();
                int done = log.iteration() + 1;
                if (config.evaluation().due(done, total)) {
                    TrialScore e = evaluator.score(after.theta(), config.evaluation().tasks(),
                            RunSession.periodicEvalSeed(seed, log.iteration()));
                    logs.evaluations().append(String.format(Locale.ROOT, "%d,%d,%.6f,%.6f", log.iteration(),
                            e.trials(), e.mean(), e.ci95()));
                    logs.metrics().append(RunJson.trialEvaluation(log.iteration(), e));
                    score = e.mean();
                    progress.message(String.format(Locale.ROOT, "[%s] iteration %d: %d fresh tasks, total reward "
                            + "per trial %.2f ± %.2f", label, done, e.trials(), e.mean(), e.ci95()));
                }
                if (config.checkpoints().due(done, total)) {
                    checkpoints.save(new Checkpoint(log.iteration(), envSteps[0], wall, score, after.theta(),
                            after.optimizerState()));
                }
                double perIteration = (wall - wallOffset) / (log.iteration() - last);
                progress.iteration(label, done, total, String.format(Locale.ROOT, "trial return %.2f  entropy %.3f",
                        log.meanTrialReturn(), log.entropy()), perIteration, perIteration * (total - done));
            });
        } catch (TrainingDivergedException e) {
            RunSession.recordDivergence(dir, label, e, progress);
            throw e;
        } finally {
            if (theta == null) { // stopped early: draw what there is
                Rl2Plots.draw(dir, config, null);
            }
        }
        dir.writeJson("theta.json", Map.of("parameters", theta));
        Rl2Evaluation evaluation = evaluator.evaluate(theta, settings.evalTasks(),
                seed + RunSession.FINAL_EVAL_SEED_OFFSET);
        dir.writeJson("eval.json", evaluation);
        Rl2Plots.draw(dir, config, evaluation);
        progress.message("[" + label + "] " + evaluation.summary());
        progress.message("[" + label + "] results: " + dir.path().toAbsolutePath());
        return new Result(seed, dir.path(), theta, evaluation);
    }

    /** The training state a checkpoint holds (parameters and Adam's moments after its iteration). */
    private static Rl2TrainingState stateAfter(Checkpoint checkpoint, RunDirectory dir) {
        if (checkpoint.optimizerState() == null) {
            throw new IllegalArgumentException("the checkpoint of iteration " + checkpoint.iteration() + " in "
                    + dir.path() + " has no optimizer state (not an RL² checkpoint)");
        }
        return Rl2TrainingState.fromOptimizerState(checkpoint.iteration() + 1, checkpoint.theta(),
                checkpoint.optimizerState());
    }

    static String progressRow(Rl2Ppo.IterationLog log, long envSteps) {
        return String.format(Locale.ROOT, "%d,%d,%.6f,%.8g,%.8g,%.8g,%d", log.iteration(), envSteps,
                log.meanTrialReturn(), log.loss(), log.entropy(), log.approxKl(), log.epochs());
    }
}
