package org.metarl4j.experiments.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.metarl4j.meta.maml.MamlConfig;

/**
 * Reads an {@link ExperimentConfig} from a preset name or a YAML/JSON file, applies {@code key=value} overrides and
 * validates everything before anything runs. A file may start from a preset with {@code base: <preset>} and give only
 * what differs; without a base it must be complete. Every problem becomes a {@link ConfigException} that names the
 * key's path: unknown keys (with the keys allowed there), wrong types, missing keys, out-of-range values.
 */
public final class ConfigLoader {
    private static final ObjectMapper YAML = strict(YAMLMapper.builder().build());
    private static final ObjectMapper JSON = strict(JsonMapper.builder().build())
            .enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern MISSING = Pattern.compile("Missing (?:required )?creator property '([^']+)'");
    private static final Pattern NULL = Pattern.compile("Null value for creator property '([^']+)'");
    /** Each agent's settings section, named after the agent. */
    private static final List<String> SECTIONS = ExperimentConfig.AGENTS;

    private ConfigLoader() {
    }

    private static ObjectMapper strict(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES,
                DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, true);
        // "20" (a string) is not a number, 1 is not a boolean or a string: no silent coercion
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean,
            LogicalType.Textual}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.Integer, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Integer,
                CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.Float, CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Boolean,
                CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.String,
                CoercionAction.TryConvert);
        mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
        return mapper;
    }

    /**
     * @param presetOrFile a preset name ({@link Presets#NAMES}) or the path of a .yaml/.yml/.json file
     * @param overrides {@code dotted.key=value} pairs, the value in YAML syntax (e.g. {@code maml.hiddenSizes=[32,32]})
     */
    public static ExperimentConfig load(String presetOrFile, List<String> overrides) {
        ObjectNode tree = source(presetOrFile);
        fillGymDefaults(tree); // so that --set can change a default the file left out
        for (String override : overrides) {
            apply(tree, override);
        }
        return bind(tree, presetOrFile);
    }

    /**
     * Keys added after run folders were first written, each with the value that does what runs did before the key
     * existed: a run folder from an older version still resumes and evaluates as it ran.
     */
    private static final Map<String, Map<String, Object>> ADDED_LATER = Map.of(
            ExperimentConfig.MAML, Map.of("curvatureSubsample", 1.0, "workers", 1),
            ExperimentConfig.RL2, Map.of("rewardScale", 1.0, "baseline", "value-head", "targetKl", 0.0,
                    "entropyMethod", "regularized"));

    /**
     * Reads a resolved config (a run's {@code config.json}), validating it the same way; keys added since the run was
     * written get the value that reproduces it ({@link #ADDED_LATER}).
     */
    public static ExperimentConfig read(Path configJson) {
        try {
            ObjectNode tree = objectTree(JSON.readTree(Files.readString(configJson)), configJson.toString());
            fillKeysAddedLater(tree);
            return bind(tree, configJson.toString());
        } catch (IOException e) {
            throw new ConfigException("cannot read " + configJson + ": " + e.getMessage(), e);
        }
    }

    /**
     * The config as indented JSON (what runs write to {@code config.json}); {@code maml.seed} is left out, the seeds
     * being given once, at the top level, and so is the section of the agent not run.
     */
    public static String toJson(ExperimentConfig config) {
        try {
            ObjectNode tree = JSON.valueToTree(config);
            if (tree.get("maml") instanceof ObjectNode maml) {
                maml.remove("seed");
            }
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot serialise " + config, e);
        }
    }

    private static ObjectNode source(String presetOrFile) {
        if (Presets.exists(presetOrFile)) {
            return parse(Presets.yaml(presetOrFile), "preset " + presetOrFile);
        }
        Path file = Path.of(presetOrFile);
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("'" + presetOrFile + "' is neither a preset nor a config file; presets: "
                    + String.join(", ", Presets.NAMES));
        }
        ObjectNode tree;
        try {
            tree = parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage(), e);
        }
        JsonNode base = tree.remove("base");
        if (base == null) {
            return tree;
        }
        if (!base.isTextual() || !Presets.exists(base.asText())) {
            throw new ConfigException(file + ": base must name a preset (" + String.join(", ", Presets.NAMES)
                    + "), got " + base);
        }
        ObjectNode merged = parse(Presets.yaml(base.asText()), "preset " + base.asText());
        merge(merged, tree);
        return merged;
    }

    private static ObjectNode parse(String text, String where) {
        try {
            return objectTree(YAML.readTree(text), where);
        } catch (JsonProcessingException e) {
            // SnakeYAML's message spans lines (context, echo of the line, caret): keep what and what was expected
            List<String> lines = e.getOriginalMessage().lines().map(String::strip).toList();
            String problem = lines.isEmpty() ? "syntax error" : lines.get(0) + lines.stream()
                    .filter(l -> l.startsWith("expected") || l.startsWith("found")).map(l -> "; " + l)
                    .collect(Collectors.joining());
            throw new ConfigException("cannot parse " + where + ": " + problem
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")"), e);
        }
    }

    private static ObjectNode objectTree(JsonNode node, String where) {
        if (!(node instanceof ObjectNode object)) {
            throw new ConfigException(where + " must be a mapping of keys to values, got "
                    + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase()));
        }
        return object;
    }

    /** Objects merge key by key; anything else in {@code top} replaces what {@code base} had. */
    private static void merge(ObjectNode base, ObjectNode top) {
        Iterator<Map.Entry<String, JsonNode>> fields = top.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode existing = base.get(field.getKey());
            if (existing instanceof ObjectNode baseChild && field.getValue() instanceof ObjectNode topChild) {
                merge(baseChild, topChild);
            } else {
                base.set(field.getKey(), field.getValue());
            }
        }
    }

    private static void apply(ObjectNode tree, String override) {
        int eq = override.indexOf('=');
        if (eq <= 0 || eq == override.length() - 1) {
            throw new ConfigException("--set needs key=value (e.g. maml.iterations=20), got '" + override + "'");
        }
        String key = override.substring(0, eq).trim();
        JsonNode value;
        try {
            value = YAML.readTree(override.substring(eq + 1).trim());
        } catch (JsonProcessingException e) {
            throw new ConfigException("--set " + key + ": cannot parse the value '" + override.substring(eq + 1)
                    + "': " + e.getOriginalMessage(), e);
        }
        String[] parts = key.split("\\.");
        ObjectNode node = tree;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            if (!(child instanceof ObjectNode object)) {
                throw new ConfigException("--set " + key + ": '" + String.join(".", List.of(parts).subList(0, i + 1))
                        + "' is not a section of this config; keys here: " + keys(node));
            }
            node = object;
        }
        String leaf = parts[parts.length - 1];
        if (!node.has(leaf)) {
            throw new ConfigException("--set " + key + ": unknown key; keys here: " + keys(node));
        }
        node.set(leaf, value);
    }

    private static String keys(ObjectNode node) {
        TreeSet<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return String.join(", ", names);
    }

    /**
     * Binds a whole config. Each agent's settings are the section named after it and only that agent's section may
     * be present, so the sections are bound on their own (with their key as the start of every error's path), as is
     * the optional {@code gym} section (over its defaults, {@link GymSettings#DEFAULTS}), and the rest of the config
     * as {@link TopLevel}.
     */
    private static ExperimentConfig bind(ObjectNode tree, String where) {
        JsonNode maml = tree.get(ExperimentConfig.MAML);
        JsonNode seeds = tree.get("seeds");
        if (maml instanceof ObjectNode mamlObject) {
            if (mamlObject.has("seed")) {
                throw new ConfigException(where + ": set the seeds at the top level (seeds: [1, 2, 3]), not maml.seed");
            }
            // MamlConfig is per run; the experiment's first seed stands in until a run picks its own
            mamlObject.set("seed", seeds instanceof ArrayNode a && !a.isEmpty() ? a.get(0)
                    : tree.numberNode(0L));
        }
        JsonNode agentNode = tree.get("agent");
        String agent = agentNode != null && agentNode.isTextual() ? agentNode.asText() : "";
        if (SECTIONS.contains(agent)) {
            if (!tree.has(agent)) {
                throw new ConfigException(where + ": missing key '" + agent
                        + "' (give it, or start from a preset with base: <preset>)");
            }
            for (String other : SECTIONS) {
                if (!other.equals(agent) && tree.has(other)) {
                    throw new ConfigException(where + ": key '" + other + "' does not apply to agent: " + agent
                            + " (its settings go under '" + agent + "')");
                }
            }
        }
        fillGymDefaults(tree);
        try {
            ObjectNode rest = tree.deepCopy();
            rest.remove(SECTIONS);
            rest.remove(ExperimentConfig.GYM);
            TopLevel top = YAML.treeToValue(rest, TopLevel.class);
            return new ExperimentConfig(top.name(), top.agent(), top.seeds(),
                    section(tree, ExperimentConfig.MAML, MamlConfig.class),
                    section(tree, ExperimentConfig.RL2, Rl2Settings.class),
                    section(tree, ExperimentConfig.GYM, GymSettings.class), top.evaluation(), top.checkpoints());
        } catch (JsonProcessingException e) {
            throw new ConfigException(where + ": " + describe(e), e);
        } catch (IllegalArgumentException e) {
            Throwable cause = e.getCause() instanceof JsonProcessingException j ? j : e;
            throw new ConfigException(where + ": " + (cause instanceof JsonProcessingException j ? describe(j)
                    : e.getMessage()), e);
        }
    }

    /** Gives each section of a run's config the {@link #ADDED_LATER} keys it leaves out. */
    private static void fillKeysAddedLater(ObjectNode tree) {
        ADDED_LATER.forEach((section, keys) -> fillMissingKeys(tree, section, JSON.valueToTree(keys)));
    }

    /** Gives a {@code gym} section the keys it leaves out, with their defaults ({@link GymSettings#DEFAULTS}). */
    private static void fillGymDefaults(ObjectNode tree) {
        fillMissingKeys(tree, ExperimentConfig.GYM, YAML.valueToTree(GymSettings.DEFAULTS));
    }

    /** Section {@code section} of {@code tree}, if present, becomes {@code defaults} with its own keys merged over. */
    private static void fillMissingKeys(ObjectNode tree, String section, ObjectNode defaults) {
        if (tree.get(section) instanceof ObjectNode given) {
            merge(defaults, given);
            tree.set(section, defaults);
        }
    }

    /** The keys of a config besides the agents' sections. */
    private record TopLevel(String name, String agent, List<Long> seeds, ExperimentConfig.EvaluationSettings evaluation,
                            ExperimentConfig.CheckpointSettings checkpoints) {
    }

    /** The section {@code key} of {@code tree} bound to {@code type}, or null if absent. */
    private static <S> S section(ObjectNode tree, String key, Class<S> type) throws JsonProcessingException {
        JsonNode node = tree.get(key);
        if (node == null) {
            return null;
        }
        try {
            return YAML.treeToValue(node, type);
        } catch (JsonMappingException e) {
            throw JsonMappingException.wrapWithPath(e, ExperimentConfig.class, key);
        }
    }

    /** A user-facing sentence for Jackson's binding errors. */
    static String describe(JsonProcessingException e) {
        String path = e instanceof JsonMappingException m ? path(m) : "";
        if (e instanceof UnrecognizedPropertyException u) {
            TreeSet<String> known = new TreeSet<>();
            u.getKnownPropertyIds().forEach(k -> known.add(k.toString()));
            if (!path.contains(".")) {
                known.addAll(SECTIONS); // bound apart from the top level
                known.add(ExperimentConfig.GYM);
            }
            String allowed = known.stream().filter(k -> !(k.equals("seed") && path.startsWith("maml")))
                    .collect(Collectors.joining(", "));
            return "unknown key '" + path + "'; allowed " + (path.contains(".") ? "under '"
                    + path.substring(0, path.lastIndexOf('.')) + "'" : "at the top level") + ": " + allowed;
        }
        if (e instanceof ValueInstantiationException v && v.getCause() != null) {
            String message = v.getCause().getMessage();
            return path.isEmpty() || message.startsWith(path) ? message : path + "." + message;
        }
        if (e instanceof InvalidFormatException f) {
            String allowed = f.getTargetType() != null && f.getTargetType().isEnum()
                    ? "; allowed: " + List.of(f.getTargetType().getEnumConstants()).stream().map(Object::toString)
                    .map(String::toLowerCase).collect(Collectors.joining(", "))
                    : "";
            return path + ": " + quote(f.getValue()) + " is not a valid " + typeName(f.getTargetType()) + allowed;
        }
        if (e instanceof MismatchedInputException m) {
            Matcher missing = MISSING.matcher(e.getOriginalMessage());
            if (missing.find()) {
                String key = path.endsWith(missing.group(1)) ? path : join(path, missing.group(1));
                return "missing key '" + key + "' (give it, or start from a preset with base: <preset>)";
            }
            Matcher isNull = NULL.matcher(e.getOriginalMessage());
            if (isNull.find()) {
                String key = path.endsWith(isNull.group(1)) ? path : join(path, isNull.group(1));
                return "key '" + key + "' has no value";
            }
            return path + ": expected " + typeName(m.getTargetType());
        }
        return (path.isEmpty() ? "" : path + ": ") + e.getOriginalMessage();
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static String quote(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "whole number";
        }
        if (type == double.class || type == Double.class || type == float.class) {
            return "number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "boolean (true/false)";
        }
        if (type == String.class) {
            return "string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "list";
        }
        if (type.isEnum()) {
            return "choice";
        }
        if (type.isRecord()) {
            return "section (a mapping of keys to values)";
        }
        return type.getSimpleName();
    }
}
