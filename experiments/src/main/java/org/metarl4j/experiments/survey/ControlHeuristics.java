package org.metarl4j.experiments.survey;

import java.util.SplittableRandom;
import org.metarl4j.envs.EnvFamily;
import org.metarl4j.envs.VectorEnv;
import org.metarl4j.envs.classic.AcrobotTask;
import org.metarl4j.envs.classic.CartPoleTask;
import org.metarl4j.envs.classic.MountainCarTask;
import org.metarl4j.envs.classic.PendulumTask;
import org.metarl4j.envs.reacher.Reacher2DEnv;
import org.metarl4j.envs.reacher.ReacherTask;

/**
 * Hand-written controllers for the control families: well short of optimal, but far above random on every task of
 * the default distributions, which shows each parameterized task stays solvable. They read only the observation
 * (and, for the reacher oracle, the task's goal and link lengths).
 */
final class ControlHeuristics {
    private ControlHeuristics() {
    }

    /** Base for one action coordinate per env computed from that env's observation row. */
    private abstract static class PerEnv implements ReferencePolicy {
        private final Class<?> taskType;

        PerEnv(Class<?> taskType) {
            this.taskType = taskType;
        }

        @Override
        public String name() {
            return "heuristic";
        }

        @Override
        public boolean appliesTo(EnvFamily<?> family) {
            return ReferencePolicy.drawsTasksOf(family, taskType);
        }

        @Override
        public void act(VectorEnv<?> vec, SplittableRandom rng, double[] actions) {
            double[] obs = vec.observations();
            for (int i = 0; i < vec.numEnvs(); i++) {
                actions[i] = action(obs, i * vec.observationDim());
            }
        }

        abstract double action(double[] obs, int o);
    }

    /** Push toward the side the pole is falling to: right iff θ + θ̇ > 0 (obs [x, ẋ, θ, θ̇]). */
    static final class CartPole extends PerEnv {
        CartPole() {
            super(CartPoleTask.class);
        }

        @Override
        double action(double[] obs, int o) {
            return obs[o + 2] + obs[o + 3] > 0 ? 1 : 0;
        }
    }

    /** Bang-bang in the direction of motion, pumping energy until the car clears the hill (obs [x, v]). */
    static final class MountainCar extends PerEnv {
        MountainCar() {
            super(MountainCarTask.class);
        }

        @Override
        double action(double[] obs, int o) {
            return obs[o + 1] >= 0 ? 1.0 : -1.0;
        }
    }

    /**
     * Bang-bang on the actuated elbow against the shoulder's rotation (torque −1 when θ̇₁ &gt; 0, else +1), which
     * pumps energy into the swing (obs [.., θ̇₁, θ̇₂]; action 0/2 = torque −1/+1). The opposite sign never finishes.
     */
    static final class Acrobot extends PerEnv {
        Acrobot() {
            super(AcrobotTask.class);
        }

        @Override
        double action(double[] obs, int o) {
            return obs[o + 4] > 0 ? 0 : 2;
        }
    }

    /**
     * Energy-based swing-up (Åström and Furuta 2000): full torque along θ̇ while the pendulum has less energy than at
     * rest upright (against θ̇ when it has more), then, within 0.8 rad of upright, a PD law in units of the task's
     * inertia, u = m·l²·(−20·θ − 4·θ̇). Uses the task's mass, length, gravity and torque limit; obs [cos θ, sin θ, θ̇].
     */
    static final class Pendulum implements ReferencePolicy {
        private static final double CAPTURE_ANGLE = 0.8;

        @Override
        public String name() {
            return "heuristic";
        }

        @Override
        public boolean appliesTo(EnvFamily<?> family) {
            return ReferencePolicy.drawsTasksOf(family, PendulumTask.class);
        }

        @Override
        public void act(VectorEnv<?> vec, SplittableRandom rng, double[] actions) {
            double[] obs = vec.observations();
            for (int i = 0; i < vec.numEnvs(); i++) {
                int o = 3 * i;
                PendulumTask task = (PendulumTask) vec.env(i).task();
                double theta = Math.atan2(obs[o + 1], obs[o]);
                double thetaDot = obs[o + 2];
                double inertia = task.mass() * task.length() * task.length() / 3.0;
                double energy = 0.5 * inertia * thetaDot * thetaDot
                        + 0.5 * task.mass() * task.gravity() * task.length() * Math.cos(theta);
                double uprightEnergy = 0.5 * task.mass() * task.gravity() * task.length();
                double u;
                if (Math.abs(theta) < CAPTURE_ANGLE) {
                    u = 3.0 * inertia * (-20.0 * theta - 4.0 * thetaDot);
                } else {
                    double direction = thetaDot >= 0 ? 1.0 : -1.0;
                    u = (energy < uprightEnergy ? direction : -direction) * task.maxTorque();
                }
                actions[i] = Math.max(-task.maxTorque(), Math.min(task.maxTorque(), u));
            }
        }
    }

    /** Told the goal: joint-space PD toward the inverse-kinematics solution nearest the current pose. */
    static final class ReacherOracle implements ReferencePolicy {
        @Override
        public String name() {
            return "oracle";
        }

        @Override
        public boolean appliesTo(EnvFamily<?> family) {
            return ReferencePolicy.drawsTasksOf(family, ReacherTask.class);
        }

        @Override
        public void act(VectorEnv<?> vec, SplittableRandom rng, double[] actions) {
            for (int i = 0; i < vec.numEnvs(); i++) {
                Reacher2DEnv env = (Reacher2DEnv) vec.env(i);
                double[] s = env.state();
                double[] target = inverseKinematics(env.task(), s[0], s[1]);
                actions[2 * i] = 3.0 * wrap(target[0] - s[0]) - 0.4 * s[2];
                actions[2 * i + 1] = 1.0 * (target[1] - s[1]) - 0.08 * s[3];
            }
        }

        /** Analytic 2-link inverse kinematics; of the two elbow solutions, the one nearer (q1, q2). */
        private static double[] inverseKinematics(ReacherTask task, double q1, double q2) {
            double l1 = task.linkLength1();
            double l2 = task.linkLength2();
            double cosElbow = (task.goalX() * task.goalX() + task.goalY() * task.goalY() - l1 * l1 - l2 * l2)
                    / (2 * l1 * l2);
            double elbow = Math.acos(Math.max(-1, Math.min(1, cosElbow)));
            double[] best = null;
            double bestCost = Double.POSITIVE_INFINITY;
            for (double e : new double[] {elbow, -elbow}) {
                double shoulder = Math.atan2(task.goalY(), task.goalX())
                        - Math.atan2(l2 * Math.sin(e), l1 + l2 * Math.cos(e));
                double cost = Math.abs(wrap(shoulder - q1)) + Math.abs(e - q2);
                if (cost < bestCost) {
                    bestCost = cost;
                    best = new double[] {shoulder, e};
                }
            }
            return best;
        }

        private static double wrap(double angle) {
            return Math.atan2(Math.sin(angle), Math.cos(angle));
        }
    }
}
