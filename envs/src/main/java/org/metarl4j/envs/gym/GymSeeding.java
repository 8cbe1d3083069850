package org.metarl4j.envs.gym;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * How a {@link GymRemoteEnv} seeds its server instance. gym-http-api takes a seed on create only (reset has none),
 * so a seed drawn from our reset generator reaches the server by creating the instance with it. Seeds are drawn in
 * [1, 2³¹ − 1]: the server treats 0 as no seed.
 */
public enum GymSeeding {
    /** Instances are created unseeded: the server's envs draw their own randomness; runs do not repeat. */
    NONE,
    /**
     * An instance is created, seeded from the reset generator, at the first reset after a task change (or after the
     * instance was lost); later resets continue its random stream. One create per task: the default.
     */
    PER_INSTANCE,
    /**
     * Every reset creates a new instance seeded from that reset's generator (and closes the previous one): each
     * episode depends only on its own generator, at the cost of a create and a close per episode.
     */
    PER_EPISODE;

    /** The name configs use: {@code none}, {@code per-instance}, {@code per-episode}. */
    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The constant for a config name ({@link #toString()}), case-insensitive, '-' or '_'. */
    public static GymSeeding parse(String name) {
        for (GymSeeding s : values()) {
            if (s.toString().equalsIgnoreCase(name.strip().replace('_', '-'))) {
                return s;
            }
        }
        throw new IllegalArgumentException("gym seeding must be one of none, per-instance, per-episode, got '"
                + name + "'");
    }
}
