package org.metarl4j.envs.robotics;

import org.metarl4j.envs.ParameterRange;

/** The valid ranges of the robotics task parameters (what {@code validate()} accepts; distributions draw inside). */
public final class TaskRanges {
    /** Object start and goal x, y: inside the hand's workspace with room for the cube. */
    public static final ParameterRange X = new ParameterRange("x", -0.25, 0.25);
    public static final ParameterRange Y = new ParameterRange("y", -0.25, 0.25);
    /** Goal height of the object's centre or the hand, m. */
    public static final ParameterRange GOAL_Z = new ParameterRange("goalZ", 0.0, 0.3);
    /** Cube edge, m: the open pads must fit around it even turned by 45°. */
    public static final ParameterRange SIZE = new ParameterRange("size", 0.02, 0.07);
    public static final ParameterRange MASS = new ParameterRange("mass", 0.01, 2.0);
    public static final ParameterRange FRICTION = new ParameterRange("friction", 0.05, 2.0);
    public static final ParameterRange YAW = new ParameterRange("objectYaw", -Math.PI, Math.PI);

    private TaskRanges() {
    }

    static void checkPoint(String family, String what, double x, double y) {
        new ParameterRange(what + "X", X.min(), X.max()).check(family, x);
        new ParameterRange(what + "Y", Y.min(), Y.max()).check(family, y);
    }
}
