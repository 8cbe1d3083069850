package org.metarl4j.envs.robotics.scene;

import org.ode4j.math.DQuaternion;
import org.ode4j.math.DQuaternionC;
import org.ode4j.math.DVector3C;
import org.ode4j.ode.DBody;
import org.ode4j.ode.DBox;
import org.ode4j.ode.DContact;
import org.ode4j.ode.DContactBuffer;
import org.ode4j.ode.DGeom;
import org.ode4j.ode.DJointGroup;
import org.ode4j.ode.DMass;
import org.ode4j.ode.DPlane;
import org.ode4j.ode.DSliderJoint;
import org.ode4j.ode.DWorld;
import org.ode4j.ode.OdeConstants;
import org.ode4j.ode.OdeHelper;
import org.ode4j.ode.internal.DxQuickStep;

/**
 * One ode4j world holding a table (the plane z = 0), a cube to manipulate and a parallel-jaw gripper: a
 * position-controlled palm (kinematic, like a MuJoCo mocap body: it goes exactly where it is told and nothing pushes
 * it back) and two finger pads on slider joints whose motors squeeze with at most {@link #gripForce()} newtons.
 *
 * <p><b>Frame.</b> Metres, z up, the table top at z = 0. The <i>hand position</i> (tool centre point) is the midpoint
 * between the two fingertips: the fingers' lower faces are at the hand's z, so a hand at z = 0 touches the table. The
 * fingers close along y; the {@link #opening()} is the gap between the pads, in [0, {@value #MAX_OPENING}] m.
 *
 * <p><b>Control</b> ({@link #act}): per control step of {@value #SUBSTEPS} × {@value #DT} s the hand is commanded to
 * move by (dx, dy, dz) · {@value #MAX_HAND_STEP} m with each delta clipped to [−1, 1] (Meta-World v2's mocap hand
 * moves by action / 100 m per step too); its velocity follows the command with at most
 * {@value #MAX_HAND_ACCELERATION} m/s² and it stops at the workspace's faces ({@link #WORKSPACE_LOW},
 * {@link #WORKSPACE_HIGH}).
 * The grip command g ∈ [−1, 1] sets the target opening {@value #MAX_OPENING} · (1 − g) / 2 (−1 wide open, +1 shut);
 * each finger motor drives toward it at up to {@value #FINGER_SPEED} m/s with at most the grip force. Closed on an
 * object narrower than the target, each pad therefore presses with exactly the grip force: the normal force of the
 * Coulomb lift condition 2 μ F > m g.
 *
 * <p><b>Contacts.</b> Only the object collides (with the table, both pads and the palm; the hand's workspace keeps it
 * off the table), pair by pair in a fixed order, up to four contacts per pair, all with {@code dContactApprox1}
 * (friction bounded by μ times the contact's normal force, the friction pyramid along the plane-space directions: for a
 * pad's contact, whose normal is ±y, those are x and z, so lifting is bounded by μ·F per pad) and the object's μ.
 *
 * <p><b>Determinism.</b> ode4j's quickstep solver shuffles its constraint rows at random every
 * {@code DxQuickStep.RANDOM_CONSTRAINTS_REORDERING_FREQUENCY} (8) iterations, drawing from one JVM-wide generator
 * ({@code Misc.dRandInt}), so a world's trajectory depended on every other world stepped in the same JVM. Loading this
 * class sets that frequency beyond any iteration count, so rows are solved in their fixed (creation) order in every
 * world: a scene is then a pure function of its inputs. The setting is JVM-wide, but only makes ode4j's stepping
 * deterministic, so it is safe for other ode4j users; seeding the global generator per world instead would need a
 * lock around every step.
 *
 * <p>Not thread-safe; one scene per env, stepped by one thread at a time (different scenes may run on different threads).
 */
public final class GripperScene implements AutoCloseable {
    /** Physics time step, s. */
    public static final double DT = 0.005;
    /** Physics steps per control step (0.01 s of simulated time per {@link #act}). */
    public static final int SUBSTEPS = 2;
    /** Hand travel per control step at full action, m. */
    public static final double MAX_HAND_STEP = 0.01;
    /** Widest gap between the pads, m. */
    public static final double MAX_OPENING = 0.1;
    /** Speed limit of each finger's motor, m/s. */
    public static final double FINGER_SPEED = 0.5;
    /** Squeeze of each pad, N, unless {@link #setGripForce} changes it. */
    public static final double DEFAULT_GRIP_FORCE = 15.0;
    /**
     * Most the hand's speed may change, m/s²: about 1 g, so a held object of the task ranges (2 μ F ≥ 15 N against at
     * most m (g + a) ≈ 10 N) is not shaken out by a jerky policy, as MuJoCo's soft mocap weld smooths Meta-World's hand.
     */
    public static final double MAX_HAND_ACCELERATION = 10.0;
    /** Quickstep solver iterations per physics step (20-50 keep the Coulomb lift threshold within 0.01 in μ). */
    public static final int SOLVER_ITERATIONS = 30;
    public static final double GRAVITY = 9.81;
    /** Lowest hand position, x y z (m): fingertips 5 mm above the table. */
    public static final double[] WORKSPACE_LOW = {-0.3, -0.3, 0.005};
    public static final double[] WORKSPACE_HIGH = {0.3, 0.3, 0.3};
    /** Palm box (x, y, z) lengths, m; the fingers hang below its lower face. */
    static final double[] PALM = {0.04, 0.14, 0.02};
    /** Length of the finger pads below the palm, m: the hand position plus half of it is the middle of the grip. */
    public static final double FINGER_LENGTH = 0.05;
    /** Finger pad (x, y, z) lengths, m. */
    static final double[] PAD = {0.02, 0.01, FINGER_LENGTH};
    static final double PAD_MASS = 0.2;
    /** Finger motor gain: target velocity per metre of position error, 1/s. */
    static final double FINGER_GAIN = 50.0;
    /**
     * Coupling of the two finger motors, 1/m: the pad further from the palm's centre line pushes harder by this
     * fraction per metre of asymmetry and the other one softer, so a held object is centred between the pads (like
     * a parallel gripper's linkage) while the two normal forces still sum to twice the grip force.
     */
    static final double CENTERING = 20.0;
    private static final int MAX_CONTACTS = 4;
    /** Palm centre above the hand position: the pad length plus half the palm's height. */
    private static final double PALM_ABOVE_HAND = PAD[2] + PALM[2] / 2;

    static {
        OdeHelper.initODE2(0);
        DxQuickStep.RANDOM_CONSTRAINTS_REORDERING_FREQUENCY = Integer.MAX_VALUE;
    }

    private final DWorld world;
    private final DJointGroup contacts;
    private final DContactBuffer contactBuffer = new DContactBuffer(MAX_CONTACTS);
    private final DPlane table;
    private final DBody palm;
    private final DBox palmGeom;
    private final DBody[] pads = new DBody[2];
    private final DBox[] padGeoms = new DBox[2];
    private final DSliderJoint[] sliders = new DSliderJoint[2];
    private final DBody object;
    private final DBox objectGeom;
    private final DMass mass = OdeHelper.createMass();
    private final boolean[] padTouches = new boolean[2];
    private ObjectSpec objectSpec = ObjectSpec.DEFAULT;
    private double gripForce = DEFAULT_GRIP_FORCE;
    private double targetHalfOpening;
    private final double[] hand = new double[3];
    private final double[] handVelocity = new double[3];
    private final double[] commandedVelocity = new double[3];
    private long physicsSteps;
    private boolean closed;

    public GripperScene() {
        world = OdeHelper.createWorld();
        world.setGravity(0, 0, -GRAVITY);
        world.setQuickStepNumIterations(SOLVER_ITERATIONS);
        world.setAutoDisableFlag(false);
        world.setContactSurfaceLayer(0.0005);
        world.setContactMaxCorrectingVel(1.0);
        contacts = OdeHelper.createJointGroup();
        table = OdeHelper.createPlane(null, 0, 0, 1, 0);

        palm = OdeHelper.createBody(world);
        palm.setKinematic();
        palmGeom = OdeHelper.createBox(null, PALM[0], PALM[1], PALM[2]);
        palmGeom.setBody(palm);
        for (int i = 0; i < 2; i++) {
            pads[i] = OdeHelper.createBody(world);
            mass.setBoxTotal(PAD_MASS, PAD[0], PAD[1], PAD[2]);
            pads[i].setMass(mass);
            padGeoms[i] = OdeHelper.createBox(null, PAD[0], PAD[1], PAD[2]);
            padGeoms[i].setBody(pads[i]);
        }
        // Slider zero = pads touching (opening 0): the slider position is then each pad's half-opening.
        placeHand(0, 0, 0.2, 0.0);
        for (int i = 0; i < 2; i++) {
            sliders[i] = OdeHelper.createSliderJoint(world);
            sliders[i].attach(pads[i], palm);
            sliders[i].setAxis(0, side(i), 0);
            sliders[i].setParamLoStop(0.0);
            sliders[i].setParamHiStop(MAX_OPENING / 2);
        }
        object = OdeHelper.createBody(world);
        objectGeom = OdeHelper.createBox(null, 1, 1, 1);
        objectGeom.setBody(object);
        reset(ObjectSpec.DEFAULT, 0.1, 0.0, 0.0, new double[] {0, 0, 0.15}, MAX_OPENING);
    }

    /** +1 for the left pad (at +y), −1 for the right one. */
    private static int side(int pad) {
        return pad == 0 ? 1 : -1;
    }

    /**
     * Puts the scene in a fresh state: the object (with {@code spec}) resting on the table at (x, y) turned by
     * {@code yaw} about z, the hand at {@code handStart} (clipped to the workspace) with the pads {@code opening} m
     * apart, everything at rest. Nothing of the previous episode survives (no warm starting, no auto-disable, contact
     * joints are rebuilt every step), so a reset scene steps exactly as a newly built one.
     */
    public void reset(ObjectSpec spec, double x, double y, double yaw, double[] handStart, double opening) {
        objectSpec = spec;
        double s = spec.size();
        objectGeom.setLengths(s, s, s);
        mass.setBoxTotal(spec.mass(), s, s, s);
        object.setMass(mass);
        object.setPosition(x, y, s / 2);
        object.setQuaternion(new DQuaternion(Math.cos(yaw / 2), 0, 0, Math.sin(yaw / 2)));
        still(object);
        double half = clip(opening, 0, MAX_OPENING) / 2;
        placeHand(clip(handStart[0], WORKSPACE_LOW[0], WORKSPACE_HIGH[0]),
                clip(handStart[1], WORKSPACE_LOW[1], WORKSPACE_HIGH[1]),
                clip(handStart[2], WORKSPACE_LOW[2], WORKSPACE_HIGH[2]), half);
        targetHalfOpening = half;
        java.util.Arrays.fill(handVelocity, 0.0);
        java.util.Arrays.fill(commandedVelocity, 0.0);
        padTouches[0] = false;
        padTouches[1] = false;
        contacts.empty();
    }

    private void placeHand(double x, double y, double z, double halfOpening) {
        hand[0] = x;
        hand[1] = y;
        hand[2] = z;
        palm.setPosition(x, y, z + PALM_ABOVE_HAND);
        palm.setQuaternion(new DQuaternion(1, 0, 0, 0));
        still(palm);
        for (int i = 0; i < 2; i++) {
            pads[i].setPosition(x, y + side(i) * (halfOpening + PAD[1] / 2), z + PAD[2] / 2);
            pads[i].setQuaternion(new DQuaternion(1, 0, 0, 0));
            still(pads[i]);
        }
    }

    private static void still(DBody body) {
        body.setLinearVel(0, 0, 0);
        body.setAngularVel(0, 0, 0);
        body.setForce(0, 0, 0);
        body.setTorque(0, 0, 0);
    }

    /**
     * One control step: commands the hand velocity (dx, dy, dz) · {@value #MAX_HAND_STEP} m per control step (each
     * delta clipped to [−1, 1]), sets the grip command and runs {@value #SUBSTEPS} physics steps, in each of which the
     * hand's velocity moves toward the command by at most {@value #MAX_HAND_ACCELERATION} m/s² · dt and the hand stops
     * at the workspace's faces.
     */
    public void act(double dx, double dy, double dz, double grip) {
        double scale = MAX_HAND_STEP / (SUBSTEPS * DT);
        commandedVelocity[0] = scale * clip(dx, -1, 1);
        commandedVelocity[1] = scale * clip(dy, -1, 1);
        commandedVelocity[2] = scale * clip(dz, -1, 1);
        targetHalfOpening = MAX_OPENING * (1 - clip(grip, -1, 1)) / 4;
        for (int k = 0; k < SUBSTEPS; k++) {
            for (int axis = 0; axis < 3; axis++) {
                handVelocity[axis] = limitedVelocity(axis);
            }
            palm.setLinearVel(handVelocity[0], handVelocity[1], handVelocity[2]);
            physicsStep();
            readHand();
        }
    }

    /** The hand's velocity along {@code axis} for the next physics step: rate-limited, stopping at the workspace. */
    private double limitedVelocity(int axis) {
        double maxChange = MAX_HAND_ACCELERATION * DT;
        double v = handVelocity[axis] + clip(commandedVelocity[axis] - handVelocity[axis], -maxChange, maxChange);
        double next = hand[axis] + v * DT;
        if (next > WORKSPACE_HIGH[axis]) {
            v = Math.max(0.0, (WORKSPACE_HIGH[axis] - hand[axis]) / DT);
        } else if (next < WORKSPACE_LOW[axis]) {
            v = Math.min(0.0, (WORKSPACE_LOW[axis] - hand[axis]) / DT);
        }
        return v;
    }

    private void readHand() {
        DVector3C p = palm.getPosition();
        hand[0] = p.get0();
        hand[1] = p.get1();
        hand[2] = p.get2() - PALM_ABOVE_HAND;
    }

    /**
     * One raw physics step of {@value #DT} s: finger motors, collision of the object's four pairs, quickstep, contact
     * joints dropped. {@link #act} is {@value #SUBSTEPS} of these plus the hand command; benchmarks time this alone
     * as the engine's own rate on this scene.
     */
    public void physicsStep() {
        double offCentre = sliders[0].getPosition() - sliders[1].getPosition();
        for (int i = 0; i < 2; i++) {
            double error = targetHalfOpening - sliders[i].getPosition();
            sliders[i].setParamVel(clip(FINGER_GAIN * error, -FINGER_SPEED, FINGER_SPEED));
            double share = clip(1 + side(i) * CENTERING * offCentre, 0, 2);
            sliders[i].setParamFMax(gripForce * share);
        }
        collide(table, null);
        padTouches[0] = collide(padGeoms[0], pads[0]);
        padTouches[1] = collide(padGeoms[1], pads[1]);
        collide(palmGeom, palm);
        world.quickStep(DT);
        contacts.empty();
        physicsSteps++;
    }

    /** Adds the contact joints between the object and {@code other}; returns whether they touch. */
    private boolean collide(DGeom other, DBody otherBody) {
        int n = OdeHelper.collide(objectGeom, other, MAX_CONTACTS, contactBuffer.getGeomBuffer());
        for (int i = 0; i < n; i++) {
            DContact contact = contactBuffer.get(i);
            contact.surface.mode = OdeConstants.dContactApprox1;
            contact.surface.mu = objectSpec.friction();
            OdeHelper.createContactJoint(world, contacts, contact).attach(object, otherBody);
        }
        return n > 0;
    }

    private static double clip(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** Writes the hand's velocity (m/s) at {@code out[offset..offset+2]}. */
    public void handVelocity(double[] out, int offset) {
        System.arraycopy(handVelocity, 0, out, offset, 3);
    }

    /** Writes the object's linear velocity (m/s) at {@code out[offset..offset+2]}. */
    public void objectVelocity(double[] out, int offset) {
        DVector3C v = object.getLinearVel();
        out[offset] = v.get0();
        out[offset + 1] = v.get1();
        out[offset + 2] = v.get2();
    }

    /** The hand position (fingertips' midpoint), m. */
    public double handX() {
        return hand[0];
    }

    public double handY() {
        return hand[1];
    }

    public double handZ() {
        return hand[2];
    }

    /** Gap between the pads, m (measured from the bodies, not the command). */
    public double opening() {
        double gap = pads[0].getPosition().get1() - pads[1].getPosition().get1() - PAD[1];
        return Math.max(0.0, gap);
    }

    /** Writes the object's centre (x, y, z) at {@code out[offset..offset+2]}. */
    public void objectPosition(double[] out, int offset) {
        DVector3C p = object.getPosition();
        out[offset] = p.get0();
        out[offset + 1] = p.get1();
        out[offset + 2] = p.get2();
    }

    /** Writes the object's orientation quaternion (w, x, y, z) at {@code out[offset..offset+3]}. */
    public void objectQuaternion(double[] out, int offset) {
        DQuaternionC q = object.getQuaternion();
        out[offset] = q.get0();
        out[offset + 1] = q.get1();
        out[offset + 2] = q.get2();
        out[offset + 3] = q.get3();
    }

    public double objectX() {
        return object.getPosition().get0();
    }

    public double objectY() {
        return object.getPosition().get1();
    }

    public double objectZ() {
        return object.getPosition().get2();
    }

    /** The object's speed, m/s. */
    public double objectSpeed() {
        return object.getLinearVel().length();
    }

    /** The object's angular speed, rad/s. */
    public double objectAngularSpeed() {
        return object.getAngularVel().length();
    }

    /** Half the object's extent along y in its current orientation, m (for the pads' no-tunnelling check). */
    public double objectHalfExtentY() {
        org.ode4j.math.DMatrix3C r = object.getRotation();
        return objectSpec.size() / 2 * (Math.abs(r.get10()) + Math.abs(r.get11()) + Math.abs(r.get12()));
    }

    /** The y coordinate of a pad's inner face (pad 0 at +y, pad 1 at −y), m. */
    public double padInnerFaceY(int pad) {
        return pads[pad].getPosition().get1() - side(pad) * PAD[1] / 2;
    }

    /** Whether both pads touched the object in the latest physics step. */
    public boolean bothPadsTouch() {
        return padTouches[0] && padTouches[1];
    }

    public ObjectSpec objectSpec() {
        return objectSpec;
    }

    public double gripForce() {
        return gripForce;
    }

    /** Sets the most force each finger motor applies, N (the pad's normal force on a held object). */
    public void setGripForce(double newtons) {
        if (!(newtons >= 0) || !Double.isFinite(newtons)) {
            throw new IllegalArgumentException("grip force must be finite and >= 0, got " + newtons);
        }
        gripForce = newtons;
    }

    /** Physics steps taken since construction. */
    public long physicsSteps() {
        return physicsSteps;
    }

    /** Destroys the ode4j world and its geoms. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        contacts.destroy();
        world.destroy();
        table.destroy();
        palmGeom.destroy();
        padGeoms[0].destroy();
        padGeoms[1].destroy();
        objectGeom.destroy();
    }
}
