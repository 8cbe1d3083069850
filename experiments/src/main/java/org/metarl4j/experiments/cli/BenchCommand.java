package org.metarl4j.experiments.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Runs the JMH benchmarks packaged in this jar (default: EnvStepBenchmark).",
            "Arguments after the command go to JMH, e.g. `bench EnvStepBenchmark -p family=cartpole -f 1`;",
            "`bench -h` for this help, `bench -lp` for JMH's benchmark list with parameters."})
final class BenchCommand implements Callable<Integer> {

    /** Everything after {@code bench} that is not this command's own {@code -h}/{@code -V}: passed to JMH. */
    @Unmatched
    List<String> jmhArgs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        List<String> args = new ArrayList<>(jmhArgs);
        if (args.stream().noneMatch(a -> !a.startsWith("-") && !isOptionValue(args, a))) {
            args.add(0, "EnvStepBenchmark");
        }
        org.openjdk.jmh.Main.main(args.toArray(String[]::new));
        return 0;
    }

    /** Whether {@code arg} is the value of the option just before it (e.g. the 1 in "-f 1"). */
    private static boolean isOptionValue(List<String> args, String arg) {
        int i = args.indexOf(arg);
        return i > 0 && args.get(i - 1).startsWith("-");
    }
}
