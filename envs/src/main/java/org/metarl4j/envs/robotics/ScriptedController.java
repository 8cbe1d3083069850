package org.metarl4j.envs.robotics;

import org.metarl4j.envs.robotics.scene.GripperScene;

/**
 * A hand-written controller that knows the task (an oracle, like Meta-World's scripted policies; own code): it proves
 * each task solvable and gives the survey its upper reference. Stateless: the phase (approach, descend, close, carry)
 * is read from the scene each step.
 *
 * <ul>
 *   <li>reach3d: move to the goal.</li>
 *   <li>grasp-lift, pick-place: above the object at 10 cm, descend with the pads open, close; once both pads touch,
 *       carry so the object's centre goes to the goal (for grasp-lift, 10 cm above its start).</li>
 *   <li>push: pads shut, go behind the object on the goal's far side (3 cm above it), descend to 5 mm, push toward the goal while
 *       steering the hand back onto the object-goal line.</li>
 * </ul>
 * Motion is a proportional velocity command, 15 / s times the position error, clipped to the action bounds.
 */
public final class ScriptedController {
    /** Velocity command per metre of error, 1/s (in units of the full-action speed of 1 m/s). */
    static final double GAIN = 15.0;
    static final double SAFE_HEIGHT = 0.1;
    static final double ALIGNED = 0.01;
    static final double PUSH_HEIGHT = 0.005;
    static final double PUSH_SPEED = 0.3;

    private ScriptedController() {
    }

    /** Writes the action for {@code env}'s current state at {@code out[offset..offset+3]}. */
    public static void act(RoboticsEnv<?> env, double[] out, int offset) {
        RoboticsTask task = env.task();
        GripperScene s = env.scene();
        if (task instanceof Reach3DTask) {
            moveTo(s, task.goalX(), task.goalY(), task.goalZ(), -1, out, offset);
        } else if (task instanceof PushTask) {
            push(s, task, out, offset);
        } else {
            pick(s, task, out, offset);
        }
    }

    private static void pick(GripperScene s, RoboticsTask task, double[] out, int offset) {
        double ox = s.objectX();
        double oy = s.objectY();
        double misalignment = Math.hypot(s.handX() - ox, s.handY() - oy);
        double low = GripperScene.WORKSPACE_LOW[2];
        if (s.bothPadsTouch() && misalignment < 2 * ALIGNED) {
            // Carry: keep the hand-object offset and bring the object's centre to the goal.
            moveTo(s, task.goalX() + s.handX() - ox, task.goalY() + s.handY() - oy,
                    task.goalZ() + s.handZ() - s.objectZ(), 1, out, offset);
        } else if (misalignment < ALIGNED && s.handZ() < low + 0.005) {
            moveTo(s, ox, oy, low, 1, out, offset);
        } else if (misalignment < ALIGNED) {
            moveTo(s, ox, oy, low, -1, out, offset);
        } else {
            moveTo(s, ox, oy, Math.max(SAFE_HEIGHT, s.handZ()), -1, out, offset);
        }
    }

    private static void push(GripperScene s, RoboticsTask task, double[] out, int offset) {
        double ox = s.objectX();
        double oy = s.objectY();
        double gx = task.goalX() - ox;
        double gy = task.goalY() - oy;
        double norm = Math.max(Math.hypot(gx, gy), 1e-9);
        double ux = gx / norm;
        double uy = gy / norm;
        double standoff = task.object().size() / 2 + 0.02;
        double bx = ox - ux * standoff;
        double by = oy - uy * standoff;
        double hx = s.handX() - ox;
        double hy = s.handY() - oy;
        double along = hx * ux + hy * uy;
        double lateral = -hx * uy + hy * ux;
        boolean behind = along < -task.object().size() / 2;
        boolean low = s.handZ() < PUSH_HEIGHT + 0.01;
        if (behind && low && Math.abs(lateral) < 0.02) {
            // Chase a point just past the contact on the object-goal line: pushes and steers back onto the line.
            double lead = 0.03;
            pushTo(s, bx + ux * lead, by + uy * lead, out, offset);
        } else if (behind && (low || Math.hypot(s.handX() - bx, s.handY() - by) < ALIGNED)) {
            moveTo(s, bx, by, PUSH_HEIGHT, 1, out, offset);
        } else {
            moveTo(s, bx, by, Math.max(task.object().size() + 0.03, s.handZ()), 1, out, offset);
        }
    }

    private static void pushTo(GripperScene s, double x, double y, double[] out, int offset) {
        moveTo(s, x, y, PUSH_HEIGHT, 1, out, offset);
        double speed = Math.hypot(out[offset], out[offset + 1]);
        if (speed > PUSH_SPEED) {
            out[offset] *= PUSH_SPEED / speed;
            out[offset + 1] *= PUSH_SPEED / speed;
        }
    }

    private static void moveTo(GripperScene s, double x, double y, double z, double grip, double[] out, int offset) {
        out[offset] = GAIN * (x - s.handX());
        out[offset + 1] = GAIN * (y - s.handY());
        out[offset + 2] = GAIN * (z - s.handZ());
        out[offset + 3] = grip;
        clip(out, offset);
    }

    private static void clip(double[] out, int offset) {
        for (int i = 0; i < 4; i++) {
            out[offset + i] = Math.max(-1, Math.min(1, out[offset + i]));
        }
    }
}
