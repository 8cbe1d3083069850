package org.metarl4j.experiments.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.metarl4j.envs.space.Discrete;
import org.metarl4j.meta.rl2.Rl2Baseline;
import org.metarl4j.meta.rl2.Rl2Config;

/** The {@code rl2:} section: presets, overrides, and every way a config can get it wrong. */
class Rl2ConfigTest {

    @Test
    void theTablePresetsCarryRl2ConfigDefaultsWithOurIterationBudgets() {
        // the long-trial presets (n = 100, tabular) use the linear baseline they learn with (README, RL² results)
        for (String preset : Presets.NAMES.stream().filter(p -> p.startsWith("rl2-bandit") || p.startsWith("rl2-tab"))
                .toList()) {
            ExperimentConfig config = ConfigLoader.load(preset, List.of());
            Rl2Settings rl2 = config.rl2();
            assertEquals("rl2", config.agent());
            assertNull(config.maml());
            Rl2Config defaults = Rl2Config.defaults(rl2.episodesPerTrial());
            Rl2Config loaded = rl2.algorithm(1);
            boolean longBandit = preset.startsWith("rl2-bandit-n100");
            int iterations = longBandit ? 400 : rl2.episodesPerTrial() == 10 ? 500 : 1000;
            Rl2Baseline baseline = longBandit || preset.startsWith("rl2-tab") ? Rl2Baseline.LINEAR
                    : Rl2Baseline.VALUE_HEAD;
            assertEquals(new Rl2Config(1, iterations, defaults.trialsPerBatch(),
                    defaults.episodesPerTrial(), defaults.hiddenSize(), defaults.gamma(), defaults.gaeLambda(),
                    defaults.clip(), defaults.epochs(), defaults.learningRate(), defaults.entropyCoefficient(),
                    defaults.valueCoefficient(), defaults.maxGradientNorm(), defaults.rewardScale(), baseline),
                    loaded, preset);
            assertEquals(Rl2Core.GRU, rl2.core());
            assertEquals(1000, rl2.evalTasks());
        }
        Rl2Settings k10 = ConfigLoader.load("rl2-bandit-n100-k10", List.of()).rl2();
        assertEquals(100, k10.episodesPerTrial());
        assertEquals(new Discrete(10), k10.taskFamily().envFactory().get().actionSpace());
        assertEquals("tabular-mdp", ConfigLoader.load("rl2-tabular-n25", List.of()).rl2().family());
    }

    @Test
    void overridesReachTheRl2SectionAndTheConfigRoundTripsThroughJson(@TempDir Path dir) throws Exception {
        ExperimentConfig c = ConfigLoader.load("rl2-bandit-n10-k5", List.of("rl2.core=lstm", "rl2.arms=50",
                "rl2.iterations=3", "seeds=[2, 3]"));
        assertEquals(Rl2Core.LSTM, c.rl2().core());
        assertEquals(50, c.rl2().arms());
        assertEquals(3, c.rl2().iterations());
        assertEquals(List.of(2L, 3L), c.seeds());
        assertEquals(3L, c.rl2().algorithm(3).seed());
        String json = ConfigLoader.toJson(c);
        assertTrue(json.contains("\"core\" : \"lstm\"") && !json.contains("maml"), json);
        Path file = dir.resolve("config.json");
        Files.writeString(file, json);
        assertEquals(c, ConfigLoader.read(file));
        // a MAML config's JSON has no rl2 key
        assertTrue(!ConfigLoader.toJson(ConfigLoader.load("maml-navigation2d", List.of())).contains("rl2"));
    }

    @Test
    void aFileCanStartFromAnRl2Preset(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mine.yaml");
        Files.writeString(file, "base: rl2-tabular-n10\nname: mine\nrl2:\n  core: LSTM\n  hiddenSize: 32\n");
        ExperimentConfig c = ConfigLoader.load(file.toString(), List.of());
        assertEquals(Rl2Core.LSTM, c.rl2().core());
        assertEquals(32, c.rl2().hiddenSize());
        assertEquals(10, c.rl2().episodesPerTrial());
    }

    /** Bad rl2 configs, each with (part of) the one line the user must see. */
    static Stream<Arguments> badConfigs() {
        String rl2 = "base: rl2-bandit-n10-k5\n";
        return Stream.of(
                Arguments.of("name: x\nagent: rl2\nseeds: [1]\nevaluation: {every: 0, tasks: 2}\n"
                        + "checkpoints: {every: 1, keep: 1}\n", "missing key 'rl2' (give it, or start from a preset"),
                Arguments.of("base: maml-navigation2d\nagent: rl2\n", "missing key 'rl2'"),
                Arguments.of(rl2 + "agent: maml\n", "missing key 'maml'"),
                Arguments.of("base: maml-navigation2d\nrl2:\n  family: tabular-mdp\n",
                        "key 'rl2' does not apply to agent: maml (its settings go under 'maml')"),
                Arguments.of(rl2 + "maml:\n  iterations: 3\n",
                        "key 'maml' does not apply to agent: rl2 (its settings go under 'rl2')"),
                Arguments.of(rl2 + "rl2:\n  core: ntm\n",
                        "rl2.core: 'ntm' is not a valid choice; allowed: gru, lstm, mann, snail"),
                Arguments.of(rl2 + "rl2:\n  cores: gru\n", "unknown key 'rl2.cores'; allowed under 'rl2': arms, "
                        + "baseline, clip, core, entropyCoefficient, entropyMethod, episodesPerTrial, epochs, "
                        + "evalTasks, family, gaeLambda, gamma, hiddenSize, iterations, learningRate, maxGradientNorm, "
                        + "rewardScale, targetKl, trialsPerBatch, valueCoefficient"),
                Arguments.of(rl2 + "rl2:\n  seed: 3\n", "unknown key 'rl2.seed'"),
                Arguments.of(rl2 + "foo: 1\n", "allowed at the top level: agent, checkpoints, evaluation, gym, maml, "
                        + "name, rl2, seeds"),
                Arguments.of(rl2 + "rl2:\n  family: cartpol\n", "rl2.family must be one of [navigation2d"),
                Arguments.of("base: rl2-tabular-n10\nrl2:\n  arms: 10\n",
                        "rl2.arms applies to bernoulli-bandit only; leave it at 5 for tabular-mdp, got 10"),
                Arguments.of(rl2 + "rl2:\n  arms: 1\n", "rl2.arms must be >= 2, got 1"),
                Arguments.of(rl2 + "rl2:\n  episodesPerTrial: 0\n", "rl2.episodesPerTrial must be >= 1, got 0"),
                Arguments.of(rl2 + "rl2:\n  gamma: 1.5\n", "rl2.gamma must be in (0, 1], got 1.5"),
                Arguments.of(rl2 + "rl2:\n  gaeLambda: -0.1\n", "rl2.gaeLambda must be in [0, 1], got -0.1"),
                Arguments.of(rl2 + "rl2:\n  clip: 0\n", "rl2.clip must be > 0, got 0.0"),
                Arguments.of(rl2 + "rl2:\n  learningRate: -1\n", "rl2.learningRate must be > 0, got -1.0"),
                Arguments.of(rl2 + "rl2:\n  entropyCoefficient: -1\n", "rl2.entropyCoefficient must be >= 0"),
                Arguments.of(rl2 + "rl2:\n  maxGradientNorm: 0\n", "rl2.maxGradientNorm must be > 0"),
                Arguments.of(rl2 + "rl2:\n  trialsPerBatch: 0\n", "rl2.trialsPerBatch must be >= 1, got 0"),
                Arguments.of(rl2 + "rl2:\n  evalTasks: 1\n", "rl2.evalTasks must be >= 2, got 1"),
                Arguments.of(rl2 + "rl2:\n  targetKl: -0.01\n", "rl2.targetKl must be >= 0 (0: no early stop), got -0.01"),
                Arguments.of(rl2 + "rl2:\n  entropyMethod: maximum\n",
                        "rl2.entropyMethod: 'maximum' is not a valid choice; allowed: regularized, max"),
                Arguments.of(rl2 + "rl2:\n  hiddenSize: \"64\"\n", "rl2.hiddenSize: expected whole number"),
                Arguments.of(rl2 + "rl2:\n  epochs: 2.5\n", "rl2.epochs: 2.5 is not a valid whole number"),
                Arguments.of(rl2 + "rl2:\n  core: ~\n", "key 'rl2.core' has no value"),
                Arguments.of(rl2 + "rl2: 3\n", "rl2: expected section"));
    }

    @ParameterizedTest
    @MethodSource("badConfigs")
    void badRl2ConfigsAreRejectedWithThePathAndWhatIsAllowed(String yaml, String expected, @TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, yaml);
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file.toString(), List.of()));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
    }

    @Test
    void badRl2OverridesAreRejected() {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load("rl2-bandit-n10-k5",
                List.of("rl2.core=transformer")));
        assertTrue(e.getMessage().contains("rl2.core: 'transformer' is not a valid choice; allowed: gru, lstm, mann, snail"),
                e.getMessage());
        e = assertThrows(ConfigException.class, () -> ConfigLoader.load("maml-navigation2d",
                List.of("rl2.core=lstm")));
        assertTrue(e.getMessage().contains("'rl2' is not a section of this config"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> ConfigLoader.load("rl2-bandit-n10-k5",
                List.of("rl2.iterations=-1")));
        assertTrue(e.getMessage().contains("rl2.iterations must be >= 0, got -1"), e.getMessage());
    }
}
