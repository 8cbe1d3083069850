package org.metarl4j.envs.robotics;

import java.util.Map;
import java.util.SplittableRandom;
import org.metarl4j.envs.AbstractEnv;
import org.metarl4j.envs.Step;
import org.metarl4j.envs.SuccessAware;
import org.metarl4j.envs.robotics.scene.GripperScene;
import org.metarl4j.envs.space.Box;
import org.metarl4j.envs.space.Space;

/**
 * The part every manipulation family shares: one {@link GripperScene}, the action and observation layout, resets,
 * the success flag. A family adds only its reward and success test.
 *
 * <p><b>Action</b> Box[−1, 1]⁴ = (dx, dy, dz, grip): the hand moves by up to {@value GripperScene#MAX_HAND_STEP} m per
 * axis per step, grip −1 opens the pads fully, +1 closes them (see {@link GripperScene}).
 *
 * <p><b>Observation</b> (17 numbers, 20 with {@code goalObserved}): [0-2] hand position x, y, z (the fingertips'
 * midpoint, m); [3] pad opening (m); [4-6] object centre x, y, z (m); [7-10] object orientation quaternion w, x, y, z;
 * [11-13] hand velocity (m/s); [14-16] object velocity (m/s); then, only with {@code goalObserved}, [17-19] the goal
 * x, y, z. Meta-World v2 observes the same poses plus the previous frame's (from which velocities follow); it hides
 * the goal in ML1 (zeroes it) so the task must be inferred from rewards, and so do we by default.
 *
 * <p><b>Episodes</b> last {@value #DEFAULT_MAX_STEPS} control steps (1.5 s simulated; Meta-World uses 500 steps of
 * 12.5 ms; 150 are enough for the scripted controllers to finish every task, and cheaper to train on) and never
 * terminate early: success does not end an episode, as in Meta-World. A reset puts the object where the task says,
 * at rest, and the hand at {@link #HAND_START} plus U(±{@value #HAND_START_NOISE}) m in x and y (drawn from the reset
 * generator) with the pads open.
 */
public abstract class RoboticsEnv<T extends RoboticsTask> extends AbstractEnv<T> implements SuccessAware {
    public static final int DEFAULT_MAX_STEPS = 150;
    /** Hand position at reset before noise, m. */
    public static final double[] HAND_START = {0.0, 0.0, 0.15};
    /** Half-width of the uniform reset noise of the hand's x and y, m. */
    public static final double HAND_START_NOISE = 0.005;
    /** Observation length without the goal. */
    public static final int OBS_DIM = 17;

    private static final Box ACTION_SPACE = Box.uniform(4, -1.0, 1.0);

    /** The physics of this env; read-only use outside (tests, scripted controllers). */
    protected final GripperScene scene = new GripperScene();
    private final boolean goalObserved;
    private final Box observationSpace;
    private boolean success;
    private boolean everSucceeded;

    protected RoboticsEnv(String id, T task, boolean goalObserved, int maxEpisodeSteps) {
        super(id, maxEpisodeSteps);
        this.goalObserved = goalObserved;
        this.observationSpace = observationBox(goalObserved);
        setTask(task);
    }

    private static Box observationBox(boolean goalObserved) {
        int dim = goalObserved ? OBS_DIM + 3 : OBS_DIM;
        double[] low = new double[dim];
        double[] high = new double[dim];
        for (int i = 0; i < dim; i++) {
            boolean quaternion = i >= 7 && i < 11;
            low[i] = quaternion ? -1.0 : Double.NEGATIVE_INFINITY;
            high[i] = quaternion ? 1.0 : Double.POSITIVE_INFINITY;
        }
        for (int i = 0; i < 3; i++) {
            low[i] = GripperScene.WORKSPACE_LOW[i];
            high[i] = GripperScene.WORKSPACE_HIGH[i];
        }
        low[3] = 0.0;
        high[3] = GripperScene.MAX_OPENING;
        return Box.of(low, high);
    }

    public boolean goalObserved() {
        return goalObserved;
    }

    @Override
    public final Space observationSpace() {
        return observationSpace;
    }

    @Override
    public final Space actionSpace() {
        return ACTION_SPACE;
    }

    @Override
    protected final void resetState(SplittableRandom rng) {
        T task = task();
        double hx = HAND_START[0] + HAND_START_NOISE * (2 * rng.nextDouble() - 1);
        double hy = HAND_START[1] + HAND_START_NOISE * (2 * rng.nextDouble() - 1);
        scene.reset(task.object(), task.objectX(), task.objectY(), task.objectYaw(),
                new double[] {hx, hy, HAND_START[2]}, GripperScene.MAX_OPENING);
        success = false;
        everSucceeded = false;
        onEpisodeStart();
    }

    /** Caches per-episode constants (initial distances for reward margins) after the scene was reset. */
    protected void onEpisodeStart() {
    }

    @Override
    protected final double advance(double[] actions, int offset) {
        scene.act(actions[offset], actions[offset + 1], actions[offset + 2], actions[offset + 3]);
        success = isSuccess();
        everSucceeded |= success;
        return reward(success);
    }

    /** The reward of the state just reached, given whether it is a success. */
    protected abstract double reward(boolean success);

    /** The family's success test on the current state. */
    protected abstract boolean isSuccess();

    /** Whether the state after the latest step is a success (Meta-World's {@code info["success"]}). */
    public final boolean success() {
        return success;
    }

    /** Whether any step of the current episode was a success (how Meta-World evaluations count an episode). */
    @Override
    public final boolean everSucceeded() {
        return everSucceeded;
    }

    @Override
    protected final boolean isTerminal() {
        return false;
    }

    /** As {@link org.metarl4j.envs.Env#step}, with {@code info["success"]} (Boolean) for the state reached. */
    @Override
    public Step step(double[] action) {
        Step step = super.step(action);
        return new Step(step.observation(), step.reward(), step.terminated(), step.truncated(),
                Map.of("success", success));
    }

    @Override
    protected final void observe(double[] out, int offset) {
        out[offset] = scene.handX();
        out[offset + 1] = scene.handY();
        out[offset + 2] = scene.handZ();
        out[offset + 3] = scene.opening();
        scene.objectPosition(out, offset + 4);
        scene.objectQuaternion(out, offset + 7);
        scene.handVelocity(out, offset + 11);
        scene.objectVelocity(out, offset + 14);
        if (goalObserved) {
            out[offset + OBS_DIM] = task().goalX();
            out[offset + OBS_DIM + 1] = task().goalY();
            out[offset + OBS_DIM + 2] = task().goalZ();
        }
    }

    /** The scene, for tests and scripted controllers (do not step it yourself). */
    public final GripperScene scene() {
        return scene;
    }

    /** Distance from the middle of the grip (hand position + half a finger up) to the object's centre, m. */
    protected final double gripToObject() {
        return Shaping.distance(scene.handX(), scene.handY(), scene.handZ() + GripperScene.FINGER_LENGTH / 2,
                scene.objectX(), scene.objectY(), scene.objectZ());
    }

    /** Distance from the object's centre to the goal, m. */
    protected final double objectToGoal() {
        T task = task();
        return Shaping.distance(scene.objectX(), scene.objectY(), scene.objectZ(), task.goalX(), task.goalY(),
                task.goalZ());
    }

    /** Height of the object's centre above where it rests on the table, m. */
    protected final double liftHeight() {
        return scene.objectZ() - task().object().size() / 2;
    }

    /** Whether both pads touch the object and are not shut past it (a grasp, not a graze). */
    protected final boolean grasped() {
        return scene.bothPadsTouch();
    }

    @Override
    public void close() {
        scene.close();
    }
}
