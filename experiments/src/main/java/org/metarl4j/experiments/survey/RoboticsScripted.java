package org.metarl4j.experiments.survey;

import java.util.SplittableRandom;
import org.metarl4j.envs.EnvFamily;
import org.metarl4j.envs.VectorEnv;
import org.metarl4j.envs.robotics.RoboticsEnv;
import org.metarl4j.envs.robotics.RoboticsTask;
import org.metarl4j.envs.robotics.ScriptedController;

/** The robotics families' task-aware scripted controller ({@link ScriptedController}): approach, grasp, carry, push. */
final class RoboticsScripted implements ReferencePolicy {
    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public boolean appliesTo(EnvFamily<?> family) {
        return ReferencePolicy.drawsTasksOf(family, RoboticsTask.class);
    }

    @Override
    public void act(VectorEnv<?> vec, SplittableRandom rng, double[] actions) {
        for (int i = 0; i < vec.numEnvs(); i++) {
            if (vec.active(i)) {
                ScriptedController.act((RoboticsEnv<?>) vec.env(i), actions, i * vec.actionDim());
            }
        }
    }
}
