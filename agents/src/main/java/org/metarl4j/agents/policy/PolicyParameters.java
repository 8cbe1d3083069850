package org.metarl4j.agents.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A flat policy parameter vector with the {@link PolicySpec} it belongs to, saved as JSON:
 * <pre>{@code {"format":"metarl4j-policy-parameters","version":1,
 *  "spec":{"kind":"GAUSSIAN_MLP","mlp":{"inputDim":2,"hiddenSizes":[64,64],"outputDim":2,"activation":"TANH"},
 *          "numParams":4610},
 *  "parameters":[...]}}</pre>
 * Doubles are written with Java's shortest round-trip representation, so a save/load round trip is exact.
 */
public record PolicyParameters(@JsonProperty("spec") PolicySpec spec, @JsonProperty("parameters") double[] parameters) {
    public static final String FORMAT = "metarl4j-policy-parameters";
    public static final int VERSION = 1;
    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    public PolicyParameters {
        if (spec == null || parameters == null) {
            throw new IllegalArgumentException("policy parameters need a spec and a parameter vector");
        }
        if (parameters.length != spec.numParams()) {
            throw new IllegalArgumentException("policy " + spec + " has " + spec.numParams() + " parameters, got "
                    + parameters.length);
        }
        parameters = parameters.clone();
    }

    @JsonCreator
    static PolicyParameters fromJson(@JsonProperty("format") String format, @JsonProperty("version") Integer version,
                                     @JsonProperty("spec") PolicySpec spec,
                                     @JsonProperty("parameters") double[] parameters) {
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("not a policy parameter file: format is '" + format + "', expected '"
                    + FORMAT + "'");
        }
        if (version == null || version != VERSION) {
            throw new IllegalArgumentException("unsupported policy parameter file version " + version + " (this code reads "
                    + VERSION + ")");
        }
        return new PolicyParameters(spec, parameters);
    }

    @JsonProperty("format")
    String format() {
        return FORMAT;
    }

    @JsonProperty("version")
    int version() {
        return VERSION;
    }

    @Override
    public double[] parameters() {
        return parameters.clone();
    }

    /** Writes {@code parameters} (one flat vector of {@code policy}) to {@code file}. */
    public static void save(Path file, MlpPolicy policy, double[] parameters) {
        new PolicyParameters(policy.spec(), parameters).write(file);
    }

    public void write(Path file) {
        try {
            MAPPER.writeValue(file.toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write policy parameters to " + file, e);
        }
    }

    /** Reads a file written by {@link #write}. */
    public static PolicyParameters read(Path file) {
        try {
            return MAPPER.readValue(Files.readAllBytes(file), PolicyParameters.class);
        } catch (IOException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException) {
                throw new IllegalArgumentException(file + ": " + cause.getMessage(), e);
            }
            throw new UncheckedIOException("cannot read policy parameters from " + file, e);
        }
    }

    /**
     * Reads the flat vector saved in {@code file} for {@code policy}.
     *
     * @throws IllegalArgumentException naming both specs if the file was saved for another policy shape
     */
    public static double[] load(Path file, MlpPolicy policy) {
        PolicyParameters saved = read(file);
        if (!saved.spec().equals(policy.spec())) {
            throw new IllegalArgumentException(file + " holds parameters of a " + saved.spec() + " policy, not of this "
                    + policy.spec() + " policy");
        }
        return saved.parameters;
    }
}
