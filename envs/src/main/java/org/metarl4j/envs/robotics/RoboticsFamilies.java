package org.metarl4j.envs.robotics;

import org.metarl4j.envs.EnvFamily;

/**
 * The manipulation families as registered in {@link org.metarl4j.envs.EnvFamilies} (training distributions); the
 * held-out test distributions are each distribution's {@code test()}.
 */
public final class RoboticsFamilies {
    private static final String REFERENCE = "after Meta-World v2 ML1 (Yu et al. 2019), own ode4j scene, not MuJoCo";

    public static final EnvFamily<GraspLiftTask> GRASP_LIFT = new EnvFamily<>(GraspLiftEnv.FAMILY, GraspLiftEnv::new,
            GraspLiftTaskDistribution.train(), GraspLiftTaskDistribution.test(), REFERENCE);
    public static final EnvFamily<PickPlaceTask> PICK_PLACE = new EnvFamily<>(PickPlaceEnv.FAMILY, PickPlaceEnv::new,
            PickPlaceTaskDistribution.train(), PickPlaceTaskDistribution.test(), REFERENCE + " (pick-place-v2)");
    public static final EnvFamily<PushTask> PUSH = new EnvFamily<>(PushEnv.FAMILY, PushEnv::new,
            PushTaskDistribution.train(), PushTaskDistribution.test(), REFERENCE + " (push-v2)");
    public static final EnvFamily<Reach3DTask> REACH3D = new EnvFamily<>(Reach3DEnv.FAMILY, Reach3DEnv::new,
            Reach3DTaskDistribution.train(), Reach3DTaskDistribution.test(), REFERENCE + " (reach-v2)");

    private RoboticsFamilies() {
    }
}
