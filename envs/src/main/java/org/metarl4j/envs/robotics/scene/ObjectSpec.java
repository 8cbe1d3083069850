package org.metarl4j.envs.robotics.scene;

/**
 * The manipulated object: a cube of edge {@code size} m and {@code mass} kg whose contacts (with the table and the
 * gripper) all use the Coulomb friction coefficient {@code friction}.
 *
 * @param size cube edge, m
 * @param mass kg
 * @param friction Coulomb coefficient μ of every contact the object makes
 */
public record ObjectSpec(double size, double mass, double friction) {
    /** A 5 cm, 100 g cube with μ = 0.5 (low enough that pushing it at mid-height slides it rather than tips it): the fixed object of the families whose tasks are positions only. */
    public static final ObjectSpec DEFAULT = new ObjectSpec(0.05, 0.1, 0.5);

    public ObjectSpec {
        if (!(size > 0 && size <= GripperScene.MAX_OPENING) || !(mass > 0) || !(friction >= 0)
                || !Double.isFinite(mass) || !Double.isFinite(friction)) {
            throw new IllegalArgumentException("object needs 0 < size <= " + GripperScene.MAX_OPENING
                    + ", mass > 0 and friction >= 0, got size " + size + ", mass " + mass + ", friction " + friction);
        }
    }
}
