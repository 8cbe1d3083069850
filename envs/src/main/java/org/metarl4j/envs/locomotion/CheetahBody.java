package org.metarl4j.envs.locomotion;

import java.util.List;
import org.dyn4j.collision.CategoryFilter;
import org.dyn4j.dynamics.Body;
import org.dyn4j.dynamics.BodyFixture;
import org.dyn4j.dynamics.ContinuousDetectionMode;
import org.dyn4j.dynamics.Settings;
import org.dyn4j.dynamics.joint.RevoluteJoint;
import org.dyn4j.geometry.Capsule;
import org.dyn4j.geometry.Geometry;
import org.dyn4j.geometry.Mass;
import org.dyn4j.geometry.MassType;
import org.dyn4j.geometry.Rotation;
import org.dyn4j.geometry.Transform;
import org.dyn4j.geometry.Vector2;
import org.dyn4j.world.World;

/**
 * The planar cheetah of {@link CheetahModel} as a dyn4j 6.0.0 world: seven rigid bodies joined by six revolute joints
 * with hard limits, a flat static ground and gravity. Joint springs, dampers and motors are torques applied before
 * every internal step; nothing else acts on the bodies.
 *
 * <p>A fresh world is built for every episode ({@link #CheetahBody(double[], double[])}): contact caches (warm
 * starting), joint impulses and accumulated forces of an earlier episode cannot leak into the next one, and the
 * trajectory depends only on the initial state and the actions. dyn4j is single-threaded and uses no global state or
 * random numbers, so worlds stepped side by side do not influence each other.
 *
 * <p>Engine settings ({@link #settings()}): fixed step {@value #DT} s, {@value #VELOCITY_ITERATIONS} velocity and
 * {@value #POSITION_ITERATIONS} position solver iterations, warm starting on, at-rest detection (sleeping) off,
 * continuous collision detection off (bodies move at most a few cm per step; CCD would also add a hash map whose order
 * is not fixed), self-collision off (MuJoCo's {@code contype=1 conaffinity=0}: only the floor collides with the
 * body).
 *
 * <p>Conventions: joint angles and the torso pitch use MuJoCo's sign (rotation about +y = clockwise in the x-z view),
 * so they are comparable with gym's {@code qpos}; dyn4j itself works counter-clockwise.
 */
public final class CheetahBody {
    /** Internal step, s (half_cheetah.xml's {@code timestep}). */
    public static final double DT = 0.01;
    /** Velocity constraint solver iterations per step. */
    public static final int VELOCITY_ITERATIONS = 10;
    /** Position constraint solver iterations per step. */
    public static final int POSITION_ITERATIONS = 4;
    /** Length of the flat ground, m, centred on x = 0 (far more than 10 s at 10 m/s). */
    public static final double GROUND_LENGTH = 1000.0;

    private static final long PART = 2;
    private static final long FLOOR = 1;
    private static final double DENSITY = CheetahModel.density();
    private static final List<CheetahModel.BodySpec> SPECS = CheetahModel.BODIES;
    private static final int N = SPECS.size();
    private static final Mass[] MASSES = new Mass[N];

    static {
        for (int i = 0; i < N; i++) {
            MASSES[i] = massOf(SPECS.get(i), i > 0);
        }
    }

    private final World<Body> world;
    private final Body[] bodies = new Body[N];
    private final RevoluteJoint<Body>[] joints;
    /** Unwrapped counter-clockwise torso angle, rad. */
    private double torsoAngle;

    /**
     * Builds the world with the cheetah in the given generalised state (gym's layout).
     *
     * @param qpos {@code [rootx, rootz, rooty, bthigh, bshin, bfoot, fthigh, fshin, ffoot]}: torso frame displacement
     *     from (0, {@value CheetahModel#INITIAL_HEIGHT}) m, pitch and joint angles (rad, MuJoCo sign)
     * @param qvel their time derivatives
     */
    @SuppressWarnings("unchecked")
    public CheetahBody(double[] qpos, double[] qvel) {
        world = new World<>();
        world.setSettings(settings());
        world.setGravity(0.0, -CheetahModel.GRAVITY);
        world.addBody(ground());
        double[] ox = new double[N];
        double[] oz = new double[N];
        for (int i = 0; i < N; i++) {
            CheetahModel.BodySpec spec = SPECS.get(i);
            int p = spec.parent();
            ox[i] = (p < 0 ? 0.0 : ox[p]) + spec.x();
            oz[i] = (p < 0 ? 0.0 : oz[p]) + spec.z();
            bodies[i] = part(spec, i, ox[i], oz[i]);
            world.addBody(bodies[i]);
        }
        joints = new RevoluteJoint[N - 1];
        for (int i = 1; i < N; i++) {
            CheetahModel.Joint j = SPECS.get(i).joint();
            RevoluteJoint<Body> joint = new RevoluteJoint<>(bodies[SPECS.get(i).parent()], bodies[i],
                    new Vector2(ox[i], oz[i]));
            joint.setLimitsEnabled(-j.upper(), -j.lower());
            joint.setCollisionAllowed(false);
            joints[i - 1] = joint;
            world.addJoint(joint);
        }
        place(qpos, qvel);
    }

    /** The engine settings every cheetah world uses. */
    public static Settings settings() {
        Settings s = new Settings();
        s.setStepFrequency(DT);
        s.setVelocityConstraintSolverIterations(VELOCITY_ITERATIONS);
        s.setPositionConstraintSolverIterations(POSITION_ITERATIONS);
        s.setWarmStartingEnabled(true);
        s.setAtRestDetectionEnabled(false);
        s.setContinuousDetectionMode(ContinuousDetectionMode.NONE);
        return s;
    }

    /** The dyn4j world (for the raw-engine benchmark and tests). */
    public World<Body> world() {
        return world;
    }

    /** Body {@code i} in {@link CheetahModel#BODIES} order. */
    public Body body(int i) {
        return bodies[i];
    }

    private static Body ground() {
        Body ground = new Body();
        BodyFixture f = ground.addFixture(Geometry.createRectangle(GROUND_LENGTH, 1.0), 1.0,
                CheetahModel.FRICTION, 0.0);
        f.setFilter(new CategoryFilter(FLOOR, PART));
        ground.translate(0.0, -0.5);
        ground.setMass(MassType.INFINITE);
        return ground;
    }

    private static Body part(CheetahModel.BodySpec spec, int index, double x, double z) {
        Body body = new Body();
        for (CheetahModel.Geom g : spec.geoms()) {
            Capsule capsule = new Capsule(2.0 * g.halfLength() + 2.0 * CheetahModel.RADIUS,
                    2.0 * CheetahModel.RADIUS);
            capsule.rotate(Math.atan2(Math.cos(g.axisAngle()), Math.sin(g.axisAngle())));
            capsule.translate(g.x(), g.z());
            BodyFixture f = body.addFixture(capsule, DENSITY, CheetahModel.FRICTION, 0.0);
            f.setFilter(new CategoryFilter(PART, FLOOR));
        }
        body.setMass(new Mass(MASSES[index]));
        body.translate(x, z);
        return body;
    }

    /** Mass, centre and inertia (about the centre, normal to the plane) of a body; legs add the joint armature. */
    private static Mass massOf(CheetahModel.BodySpec spec, boolean armature) {
        double volume = 0;
        double cx = 0;
        double cz = 0;
        for (CheetahModel.Geom g : spec.geoms()) {
            volume += g.volume();
            cx += g.volume() * g.x();
            cz += g.volume() * g.z();
        }
        cx /= volume;
        cz /= volume;
        double inertia = 0;
        for (CheetahModel.Geom g : spec.geoms()) {
            double dx = g.x() - cx;
            double dz = g.z() - cz;
            inertia += DENSITY * (g.transverseInertiaPerDensity() + g.volume() * (dx * dx + dz * dz));
        }
        return new Mass(new Vector2(cx, cz), DENSITY * volume, inertia + (armature ? CheetahModel.ARMATURE : 0.0));
    }

    /** Sets every body's pose and velocity from generalised coordinates (forward kinematics). */
    private void place(double[] qpos, double[] qvel) {
        double[] ox = new double[N];
        double[] oz = new double[N];
        double[] angle = new double[N];
        double[] vx = new double[N];
        double[] vz = new double[N];
        double[] omega = new double[N];
        for (int i = 0; i < N; i++) {
            CheetahModel.BodySpec spec = SPECS.get(i);
            int p = spec.parent();
            if (p < 0) {
                ox[i] = spec.x() + qpos[0];
                oz[i] = spec.z() + qpos[1];
                angle[i] = -qpos[2];
                vx[i] = qvel[0];
                vz[i] = qvel[1];
                omega[i] = -qvel[2];
            } else {
                double c = Math.cos(angle[p]);
                double s = Math.sin(angle[p]);
                double rx = c * spec.x() - s * spec.z();
                double rz = s * spec.x() + c * spec.z();
                ox[i] = ox[p] + rx;
                oz[i] = oz[p] + rz;
                angle[i] = angle[p] - qpos[2 + i];
                vx[i] = vx[p] - omega[p] * rz;
                vz[i] = vz[p] + omega[p] * rx;
                omega[i] = omega[p] - qvel[2 + i];
            }
            Body b = bodies[i];
            Transform t = b.getTransform();
            t.identity();
            t.rotate(angle[i]);
            t.translate(ox[i], oz[i]);
            Vector2 local = MASSES[i].getCenter();
            double ca = Math.cos(angle[i]);
            double sa = Math.sin(angle[i]);
            double cx = ca * local.x - sa * local.y;
            double cz = sa * local.x + ca * local.y;
            b.setLinearVelocity(vx[i] - omega[i] * cz, vz[i] + omega[i] * cx);
            b.setAngularVelocity(omega[i]);
        }
        torsoAngle = angle[0];
    }

    /**
     * Applies one internal step's joint torques: for each joint {@code gear·u − stiffness·q − damping·q̇} (MuJoCo's
     * motor plus passive spring and damper), equal and opposite on the joint's two bodies.
     *
     * @param control six controls in [−1, 1] (already clipped), actuator order
     */
    public void applyJointTorques(double[] control) {
        for (int i = 1; i < N; i++) {
            CheetahModel.Joint j = SPECS.get(i).joint();
            double torque = j.gear() * control[i - 1] - j.stiffness() * jointAngle(i - 1)
                    - j.damping() * jointVelocity(i - 1);
            bodies[i].applyTorque(-torque);
            bodies[SPECS.get(i).parent()].applyTorque(torque);
        }
    }

    /** Advances the world by one internal step of {@value #DT} s. */
    public void step() {
        double before = bodies[0].getTransform().getRotationAngle();
        world.step(1, DT);
        torsoAngle += Rotation.getNormalizedAngle(bodies[0].getTransform().getRotationAngle() - before);
    }

    /** Angle of joint {@code j} (0 = bthigh … 5 = ffoot), rad, MuJoCo sign. */
    public double jointAngle(int j) {
        double child = bodies[j + 1].getTransform().getRotationAngle();
        double parent = bodies[SPECS.get(j + 1).parent()].getTransform().getRotationAngle();
        return -Rotation.getNormalizedAngle(child - parent);
    }

    /** Angular velocity of joint {@code j}, rad/s, MuJoCo sign. */
    public double jointVelocity(int j) {
        return -(bodies[j + 1].getAngularVelocity() - bodies[SPECS.get(j + 1).parent()].getAngularVelocity());
    }

    /** x of the torso frame origin, m (gym's {@code qpos[0]}). */
    public double rootX() {
        return bodies[0].getTransform().getTranslationX();
    }

    /** Height of the torso frame origin, m. */
    public double height() {
        return bodies[0].getTransform().getTranslationY();
    }

    /** Torso pitch, rad, MuJoCo sign, unwrapped (a full flip reads 2π, as MuJoCo's hinge does). */
    public double pitch() {
        return -torsoAngle;
    }

    /** Torso pitch rate, rad/s, MuJoCo sign. */
    public double pitchRate() {
        return -bodies[0].getAngularVelocity();
    }

    /** Velocity of the torso frame origin (not the centre of mass), m/s: {@code out[offset]} = x, then z. */
    public void rootVelocity(double[] out, int offset) {
        Body torso = bodies[0];
        Transform t = torso.getTransform();
        Vector2 local = MASSES[0].getCenter();
        double c = t.getCost();
        double s = t.getSint();
        double rx = -(c * local.x - s * local.y);
        double rz = -(s * local.x + c * local.y);
        double omega = torso.getAngularVelocity();
        Vector2 v = torso.getLinearVelocity();
        out[offset] = v.x - omega * rz;
        out[offset + 1] = v.y + omega * rx;
    }

    /** Largest distance between the two bodies' copies of a joint anchor, m (0 for a perfectly held joint). */
    public double maxJointGap() {
        double gap = 0;
        for (RevoluteJoint<Body> j : joints) {
            gap = Math.max(gap, j.getAnchor1().distance(j.getAnchor2()));
        }
        return gap;
    }

    /** Kinetic plus gravitational potential energy of the seven bodies, J (ground at height 0). */
    public double mechanicalEnergy() {
        double energy = 0;
        for (int i = 0; i < N; i++) {
            Body b = bodies[i];
            Mass m = b.getMass();
            Vector2 v = b.getLinearVelocity();
            double w = b.getAngularVelocity();
            energy += 0.5 * m.getMass() * v.getMagnitudeSquared() + 0.5 * m.getInertia() * w * w
                    + m.getMass() * CheetahModel.GRAVITY * b.getWorldCenter().y;
        }
        return energy;
    }
}
