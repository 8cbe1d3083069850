package org.metarl4j.experiments.presets;

import org.metarl4j.experiments.cli.MetaRl4jCli;

/**
 * What the experiment classes share: {@code main(args)} of a preset class is {@code metarl4j run <preset> args},
 * so {@code --seeds}, {@code --set} and {@code --out} work the same from an IDE as from the jar.
 */
final class PresetMain {
    private PresetMain() {
    }

    static void run(String preset, String[] args) {
        if (!MetaRl4jCli.selectBlasKernels()) {
            System.exit(MetaRl4jCli.EXIT_BAD_INPUT);
        }
        String[] all = new String[args.length + 2];
        all[0] = "run";
        all[1] = preset;
        System.arraycopy(args, 0, all, 2, args.length);
        System.exit(MetaRl4jCli.execute(all));
    }
}
