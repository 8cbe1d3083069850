package org.metarl4j.experiments.survey;

import java.util.SplittableRandom;
import org.metarl4j.envs.EnvFamily;
import org.metarl4j.envs.VectorEnv;
import org.metarl4j.envs.locomotion.CheetahDirTask;
import org.metarl4j.envs.locomotion.CheetahTask;
import org.metarl4j.envs.locomotion.PlanarCheetahEnv;

/**
 * An open-loop scripted gait for the planar cheetah: every joint follows a 1 Hz sine, the front leg half a period
 * behind the back leg and each joint 0.5 rad behind the one above it. It runs forward at about 0.9 m/s without
 * flipping over (see the locomotion tests), so it shows the body can locomote; it knows nothing of the goal velocity.
 * On a backward {@link CheetahDirTask} it stands still (zero action): no backward gait is scripted.
 */
final class CheetahGait implements ReferencePolicy {

    /** The gait's six controls at control step {@code t} of an episode, written at {@code offset}. */
    static void gait(int t, double[] out, int offset) {
        double phase = 2 * Math.PI * t * PlanarCheetahEnv.CONTROL_DT;
        for (int i = 0; i < 3; i++) {
            out[offset + i] = Math.sin(phase - 0.5 * i);
            out[offset + 3 + i] = Math.sin(phase + Math.PI - 0.5 * i);
        }
    }

    @Override
    public String name() {
        return "gait";
    }

    @Override
    public boolean appliesTo(EnvFamily<?> family) {
        return ReferencePolicy.drawsTasksOf(family, CheetahTask.class);
    }

    @Override
    public void act(VectorEnv<?> vec, SplittableRandom rng, double[] actions) {
        int dim = vec.actionDim();
        for (int i = 0; i < vec.numEnvs(); i++) {
            if (vec.env(i).task() instanceof CheetahDirTask d && d.direction() < 0) {
                java.util.Arrays.fill(actions, i * dim, (i + 1) * dim, 0.0);
            } else {
                gait(vec.env(i).elapsedSteps(), actions, i * dim);
            }
        }
    }
}
