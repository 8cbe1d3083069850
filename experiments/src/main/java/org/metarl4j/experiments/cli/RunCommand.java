package org.metarl4j.experiments.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.metarl4j.experiments.config.ConfigLoader;
import org.metarl4j.experiments.config.ExperimentConfig;
import org.metarl4j.experiments.config.Presets;
import org.metarl4j.experiments.run.ExperimentRunner;
import org.metarl4j.experiments.run.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs an experiment from a preset or a YAML/JSON config file, one run per seed, writing",
            "config.json, provenance.json, progress.csv, timings.csv, metrics.jsonl, evaluations.csv, checkpoints/,",
            "theta.json, eval.json and plots under <out>/<name>/<date-time>-s<seed>/ (and a comparison folder",
            "for several seeds). Presets: see 'list'."})
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", defaultValue = Presets.DEFAULT,
            description = "Preset name or config file (default ${DEFAULT-VALUE}).")
    String config;

    @Option(names = "--seeds", split = ",", description = "Seeds, one run each (default: the config's).")
    List<Long> seeds;

    @Option(names = "--set", description = {"Override a key: --set maml.iterations=20 (value in YAML syntax,",
        "e.g. --set maml.hiddenSizes=[32,32]); repeatable."})
    List<String> overrides = new ArrayList<>();

    @Option(names = "--out", defaultValue = "results", description = "Results root folder (default ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() {
        ExperimentConfig experiment = ConfigLoader.load(config, overrides);
        if (seeds != null && !seeds.isEmpty()) {
            experiment = experiment.withSeeds(seeds);
        }
        ExperimentRunner.run(experiment, out, Progress.forStream(System.out), MetaRl4jCli.commandLine());
        return 0;
    }
}
