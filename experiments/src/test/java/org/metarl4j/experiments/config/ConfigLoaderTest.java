package org.metarl4j.experiments.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.metarl4j.agents.policy.Activation;
import org.metarl4j.meta.maml.MamlConfig;

class ConfigLoaderTest {

    @Test
    void everyPresetLoadsAndTheNavigationPresetIsPytorchMamlRlsConfiguration() {
        for (String preset : Presets.NAMES) {
            ExperimentConfig config = ConfigLoader.load(preset, List.of());
            assertEquals(preset, config.name());
            assertTrue(!Presets.description(preset).isEmpty(), preset);
        }
        MamlConfig m = ConfigLoader.load("maml-navigation2d", List.of()).maml();
        MamlConfig reference = MamlConfig.navigation2d();
        assertEquals(reference.withWorkers(2).withSeed(1), m.withSeed(1));
        assertEquals(Activation.TANH, m.activation());
    }

    @Test
    void everyPresetIsAlsoAnExperimentClassWithAMain() throws Exception {
        for (String preset : Presets.NAMES) {
            StringBuilder name = new StringBuilder();
            for (String part : preset.split("-")) {
                name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
            Class<?> type = Class.forName("org.metarl4j.experiments.presets." + name);
            assertEquals(void.class, type.getMethod("main", String[].class).getReturnType(), preset);
        }
    }

    @Test
    void overridesAndBaseFilesChangeOnlyWhatTheyName(@TempDir Path dir) throws Exception {
        ExperimentConfig c = ConfigLoader.load("maml-navigation2d", List.of("maml.iterations=7",
                "maml.hiddenSizes=[32, 16]", "seeds=[4, 5]", "evaluation.every=0"));
        assertEquals(7, c.maml().iterations());
        assertEquals(List.of(32, 16), c.maml().hiddenSizes());
        assertEquals(List.of(4L, 5L), c.seeds());
        assertEquals(0, c.evaluation().every());
        assertEquals(20, c.maml().metaBatchSize());
        Path file = dir.resolve("mine.yaml");
        Files.writeString(file, "base: maml-navigation2d\nname: my-run\nmaml:\n  outer: ppo\n  activation: relu\n");
        ExperimentConfig mine = ConfigLoader.load(file.toString(), List.of());
        assertEquals("my-run", mine.name());
        assertEquals("ppo", mine.maml().outer());
        assertEquals(Activation.RELU, mine.maml().activation());
        assertEquals(0.1, mine.maml().innerStepSizes().get(0));
        // a run's resolved config.json reads back to the same experiment
        Path json = dir.resolve("config.json");
        Files.writeString(json, ConfigLoader.toJson(mine));
        assertEquals(mine, ConfigLoader.read(json).withSeeds(mine.seeds()));
    }

    /** Bad configs, each with (part of) the message the user must see. */
    static Stream<Arguments> badConfigs() {
        return Stream.of(
                Arguments.of("base: maml-navigation2d\nmaml:\n  metaBatchSiz: 3\n",
                        "unknown key 'maml.metaBatchSiz'; allowed under 'maml': activation, cgDamping"),
                Arguments.of("base: maml-navigation2d\nfoo: 1\n", "unknown key 'foo'; allowed at the top level: "),
                Arguments.of("base: maml-navigation2d\nmaml:\n  metaBatchSize: \"20\"\n",
                        "maml.metaBatchSize: expected whole number"),
                Arguments.of("base: maml-navigation2d\nmaml:\n  cgIterations: 2.5\n",
                        "maml.cgIterations: 2.5 is not a valid whole number"),
                Arguments.of("base: maml-navigation2d\nmaml:\n  firstOrder: 1\n", "maml.firstOrder"),
                Arguments.of("base: maml-navigation2d\nmaml:\n  metaBatchSize: 0\n",
                        "maml.metaBatchSize must be >= 1, got 0"),
                Arguments.of("base: maml-navigation2d\nmaml:\n  gamma: 1.5\n", "maml.gamma must be in (0, 1], got 1.5"),
                Arguments.of("base: maml-navigation2d\nmaml:\n  outer: sgd\n",
                        "maml.outer must be one of trpo, ppo, reptile, got 'sgd'"),
                Arguments.of("base: maml-navigation2d\nmaml:\n  activation: sigmoid\n",
                        "maml.activation: 'sigmoid' is not a valid choice; allowed: "),
                Arguments.of("base: maml-navigation2d\nmaml:\n  family: cartpol\n",
                        "maml.family must be one of [navigation2d"),
                Arguments.of("base: maml-navigation2d\nmaml:\n  curvatureSubsample: 0\n",
                        "maml.curvatureSubsample must be in (0, 1], got 0.0"),
                Arguments.of("base: maml-navigation2d\nmaml:\n  seed: 3\n", "set the seeds at the top level"),
                Arguments.of("base: maml-navigation2d\nseeds: [1, 1]\n", "seeds must be distinct, got [1, 1]"),
                Arguments.of("base: maml-navigation2d\nseeds: []\n", "seeds must list at least one seed"),
                Arguments.of("base: maml-navigation2d\nevaluation:\n  every: -1\n", "evaluation.every must be >= 0"),
                Arguments.of("base: maml-navigation2d\ncheckpoints:\n  keep: 0\n", "checkpoints.keep must be >= 1"),
                Arguments.of("base: maml-navigation2d\nagent: snail\n",
                        "agent must be one of [maml, rl2], got 'snail'"),
                Arguments.of("base: maml-navigation2d\nname: My Run\n", "name must be lower-case letters"),
                Arguments.of("base: nope\n", "base must name a preset"),
                Arguments.of("name: x\nagent: maml\nseeds: [1]\n", "missing key 'maml'"),
                Arguments.of("base: maml-navigation2d\nmaml: [1\n", "cannot parse"),
                Arguments.of("- 1\n- 2\n", "must be a mapping of keys to values"));
    }

    @ParameterizedTest
    @MethodSource("badConfigs")
    void badConfigsAreRejectedWithThePathAndWhatIsAllowed(String yaml, String expected, @TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, yaml);
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(file.toString(), List.of()));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void badOverridesAndSourcesAreRejected() {
        assertMessage("--set needs key=value", () -> ConfigLoader.load("maml-navigation2d", List.of("maml.iterations")));
        assertMessage("--set maml.iteration: unknown key; keys here: ",
                () -> ConfigLoader.load("maml-navigation2d", List.of("maml.iteration=3")));
        assertMessage("'nowhere' is not a section", () -> ConfigLoader.load("maml-navigation2d",
                List.of("nowhere.x=3")));
        assertMessage("maml.iterations must be >= 0", () -> ConfigLoader.load("maml-navigation2d",
                List.of("maml.iterations=-2")));
        assertMessage("is neither a preset nor a config file; presets: maml-navigation2d-short",
                () -> ConfigLoader.load("no-such-thing", List.of()));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        ConfigException e = assertThrows(ConfigException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    /** A run folder written before keys were added still reads, as the run it was (and a new file must be complete). */
    @ParameterizedTest
    @MethodSource("olderRunFolders")
    void aRunsConfigFromBeforeKeysWereAddedReadsWithTheValuesItRanWith(String preset, String section,
                                                                         List<String> addedLater, @TempDir Path dir)
            throws Exception {
        ExperimentConfig asRun = ConfigLoader.load(preset, List.of());
        ObjectNode tree = (ObjectNode) JsonMapper.builder().build().readTree(ConfigLoader.toJson(asRun));
        ((ObjectNode) tree.get(section)).remove(addedLater);
        Path old = dir.resolve("config.json");
        Files.writeString(old, tree.toPrettyString());
        assertEquals(asRun, ConfigLoader.read(old));
        Path yaml = dir.resolve("mine.json");
        Files.writeString(yaml, tree.toPrettyString());
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(yaml.toString(), List.of()));
        assertTrue(e.getMessage().contains("missing key '" + section + "."), e.getMessage());
    }

    /** Presets whose values of the later keys are the ones a run from before them had. */
    static Stream<Arguments> olderRunFolders() {
        return Stream.of(
                Arguments.of("rl2-bandit-n10-k5", "rl2", List.of("rewardScale", "baseline", "targetKl",
                        "entropyMethod")),
                Arguments.of("maml-navigation2d", "maml", List.of("curvatureSubsample")));
    }
}
