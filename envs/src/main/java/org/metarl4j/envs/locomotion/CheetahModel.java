package org.metarl4j.envs.locomotion;

import java.util.List;

/**
 * The geometry, masses and joints of gym's MuJoCo {@code half_cheetah.xml} (gym 0.21, {@code assets/half_cheetah.xml}),
 * transcribed as numbers into the x-z plane the model moves in. Coordinates are MuJoCo's body-local (x forward, z up);
 * angles follow MuJoCo's sign (rotation about +y, which is clockwise when x points right and z up).
 *
 * <p>Facts taken from the XML: capsule radius 0.046 m for every geom; total mass 14 kg ({@code settotalmass}) spread
 * over the geoms by volume ({@code inertiafromgeom}); joint armature 0.1 kg·m²; per-joint stiffness, damping and
 * range; motor gears 120, 90, 60, 120, 60, 30 N·m; friction 0.4; torso starts at height 0.7 m; timestep 0.01 s
 * (gym's {@code HalfCheetahEnv} steps it 5 times per action, so one control step is 0.05 s).
 */
public final class CheetahModel {
    /** Radius of every capsule, m. */
    public static final double RADIUS = 0.046;
    /** Total mass of the model, kg ({@code settotalmass="14"}). */
    public static final double TOTAL_MASS = 14.0;
    /** Rotor inertia added to every leg joint, kg·m² ({@code armature=".1"}). */
    public static final double ARMATURE = 0.1;
    /** Sliding friction coefficient ({@code friction=".4 .1 .1"}). */
    public static final double FRICTION = 0.4;
    /** Initial height of the torso frame, m ({@code body name="torso" pos="0 0 .7"}). */
    public static final double INITIAL_HEIGHT = 0.7;
    /** Gravity, m/s². */
    public static final double GRAVITY = 9.81;

    /**
     * A capsule geom in its body's frame.
     *
     * @param x centre x, m
     * @param z centre z, m
     * @param axisAngle MuJoCo {@code axisangle="0 1 0 θ"}: the capsule's axis is (sin θ, cos θ) in (x, z)
     * @param halfLength half-length of the cylinder part, m
     */
    public record Geom(double x, double z, double axisAngle, double halfLength) {
        /** The capsule's volume, m³ (what MuJoCo distributes the total mass by). */
        double volume() {
            return Math.PI * RADIUS * RADIUS * 2.0 * halfLength + 4.0 / 3.0 * Math.PI * RADIUS * RADIUS * RADIUS;
        }

        /**
         * Moment of inertia about the axis through the centre normal to the plane (a transverse axis), per unit
         * density: a solid cylinder plus two solid hemispheres (parallel-axis shifted to the ends).
         */
        double transverseInertiaPerDensity() {
            double r = RADIUS;
            double length = 2.0 * halfLength;
            double cylinder = Math.PI * r * r * length;
            double hemisphere = 2.0 / 3.0 * Math.PI * r * r * r;
            double iCylinder = cylinder * (length * length / 12.0 + r * r / 4.0);
            double offset = halfLength + 3.0 * r / 8.0;
            double iHemisphere = hemisphere * (83.0 / 320.0 * r * r + offset * offset);
            return iCylinder + 2.0 * iHemisphere;
        }
    }

    /**
     * A leg joint of the XML: hinge about y at its child's frame origin.
     *
     * @param name the joint (and actuator) name
     * @param lower lower range, rad (MuJoCo sign)
     * @param upper upper range, rad
     * @param stiffness spring to angle 0, N·m/rad
     * @param damping viscous damping, N·m·s/rad
     * @param gear torque per unit control, N·m
     */
    public record Joint(String name, double lower, double upper, double stiffness, double damping, double gear) {
    }

    /**
     * A rigid body of the XML.
     *
     * @param name body name
     * @param parent index of the parent body in {@link #BODIES}, −1 for the torso
     * @param x frame origin in the parent's frame, m
     * @param z frame origin in the parent's frame, m
     * @param geoms its capsules
     * @param joint the hinge to its parent (null for the torso)
     */
    public record BodySpec(String name, int parent, double x, double z, List<Geom> geoms, Joint joint) {
    }

    /** Torso, then back thigh, shin, foot, then front thigh, shin, foot (the XML's order and actuator order). */
    public static final List<BodySpec> BODIES = List.of(
            new BodySpec("torso", -1, 0.0, INITIAL_HEIGHT,
                    List.of(new Geom(0.0, 0.0, Math.PI / 2, 0.5), new Geom(0.6, 0.1, 0.87, 0.15)), null),
            new BodySpec("bthigh", 0, -0.5, 0.0, List.of(new Geom(0.1, -0.13, -3.8, 0.145)),
                    new Joint("bthigh", -0.52, 1.05, 240, 6, 120)),
            new BodySpec("bshin", 1, 0.16, -0.25, List.of(new Geom(-0.14, -0.07, -2.03, 0.15)),
                    new Joint("bshin", -0.785, 0.785, 180, 4.5, 90)),
            new BodySpec("bfoot", 2, -0.28, -0.14, List.of(new Geom(0.03, -0.097, -0.27, 0.094)),
                    new Joint("bfoot", -0.4, 0.785, 120, 3, 60)),
            new BodySpec("fthigh", 0, 0.5, 0.0, List.of(new Geom(-0.07, -0.12, 0.52, 0.133)),
                    new Joint("fthigh", -1.0, 0.7, 180, 4.5, 120)),
            new BodySpec("fshin", 4, -0.14, -0.24, List.of(new Geom(0.065, -0.09, -0.6, 0.106)),
                    new Joint("fshin", -1.2, 0.87, 120, 3, 60)),
            new BodySpec("ffoot", 5, 0.13, -0.18, List.of(new Geom(0.045, -0.07, -0.6, 0.07)),
                    new Joint("ffoot", -0.5, 0.5, 60, 1.5, 30)));

    /** Number of actuated joints. */
    public static final int JOINTS = BODIES.size() - 1;

    private CheetahModel() {
    }

    /** The density that makes the geoms' volumes weigh {@link #TOTAL_MASS}, kg/m³. */
    public static double density() {
        double volume = BODIES.stream().flatMap(b -> b.geoms().stream()).mapToDouble(Geom::volume).sum();
        return TOTAL_MASS / volume;
    }
}
