package org.metarl4j.experiments.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.metarl4j.experiments.maml.MamlExperiment;
import org.metarl4j.meta.maml.MamlConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "maml", mixinStandardHelpOptions = true,
        description = {"Trains MAML-RL (pytorch-maml-rl's 2D-navigation configuration by default) and evaluates it",
            "on fresh tasks; writes config.json, progress.csv, eval.json, theta.json and learning_curve.png/svg",
            "under <out>/maml-<family>/<date-time>-s<seed>/."})
final class MamlCommand implements Callable<Integer> {

    @Option(names = "--iterations", description = "Meta-iterations (default: the preset's, 150).")
    Integer iterations;

    @Option(names = "--seeds", split = ",", defaultValue = "1", description = "Seeds, one run each (default ${DEFAULT-VALUE}).")
    List<Long> seeds;

    @Option(names = "--outer", description = "Outer optimiser: trpo, ppo or reptile (default trpo).")
    String outer;

    @Option(names = "--first-order", description = "First-order MAML (drop second derivatives).")
    boolean firstOrder;

    @Option(names = "--eval-tasks", description = "Fresh tasks in the final evaluation (default 400).")
    Integer evalTasks;

    @Option(names = "--curvature-subsample", description = {"Fraction of each task's episodes used by TRPO's",
        "curvature products (default 1 = all, as pytorch-maml-rl)."})
    Double curvatureSubsample;

    @Option(names = "--workers", defaultValue = "2", description = {"Threads sharing the tensor work, tasks split",
        "in blocks; results do not depend on it (default ${DEFAULT-VALUE})."})
    int workers;

    @Option(names = "--out", defaultValue = "results", description = "Results root folder (default ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() {
        MamlConfig base = MamlConfig.navigation2d();
        MamlConfig config = new MamlConfig(base.family(), base.seed(),
                iterations == null ? base.iterations() : iterations, base.metaBatchSize(), base.episodesPerTask(),
                base.hiddenSizes(), base.activation(), base.gamma(), base.gaeLambda(), base.innerStepSizes(),
                firstOrder || base.firstOrder(), outer == null ? base.outer() : outer, base.maxKl(),
                base.cgIterations(), base.cgDamping(),
                curvatureSubsample == null ? base.curvatureSubsample() : curvatureSubsample,
                base.lineSearchMaxSteps(), base.lineSearchBacktrackRatio(),
                base.ppoClip(), base.ppoEpochs(), base.ppoLearningRate(), base.reptileStepSize(),
                evalTasks == null ? base.evalTasks() : evalTasks, workers);
        for (long seed : seeds) {
            MamlExperiment.run(config.withSeed(seed), out, System.out);
        }
        return 0;
    }
}
