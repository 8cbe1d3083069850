package org.metarl4j.envs;

import java.util.List;
import java.util.stream.Collectors;
import org.metarl4j.envs.bandit.BanditTask;
import org.metarl4j.envs.bandit.BanditTaskDistribution;
import org.metarl4j.envs.bandit.BernoulliBanditEnv;
import org.metarl4j.envs.classic.AcrobotEnv;
import org.metarl4j.envs.classic.AcrobotTaskDistribution;
import org.metarl4j.envs.classic.CartPoleEnv;
import org.metarl4j.envs.classic.CartPoleTaskDistribution;
import org.metarl4j.envs.classic.MountainCarContinuousEnv;
import org.metarl4j.envs.classic.MountainCarTaskDistribution;
import org.metarl4j.envs.classic.PendulumEnv;
import org.metarl4j.envs.classic.PendulumTaskDistribution;
import org.metarl4j.envs.locomotion.CheetahDirTaskDistribution;
import org.metarl4j.envs.locomotion.CheetahVelTaskDistribution;
import org.metarl4j.envs.locomotion.PlanarCheetahEnv;
import org.metarl4j.envs.navigation.Navigation2DEnv;
import org.metarl4j.envs.navigation.NavigationTaskDistribution;
import org.metarl4j.envs.reacher.Reacher2DEnv;
import org.metarl4j.envs.reacher.ReacherTaskDistribution;
import org.metarl4j.envs.robotics.RoboticsFamilies;
import org.metarl4j.envs.tabular.TabularMdpEnv;
import org.metarl4j.envs.tabular.TabularMdpTaskDistribution;

/** The built-in task families, by name. */
public final class EnvFamilies {
    /** RL² Table 1 uses k = 5, 10, 50 arms; 5 is the first column. */
    public static final int DEFAULT_ARMS = 5;

    private static final List<EnvFamily<?>> ALL = List.of(
            new EnvFamily<>("navigation2d", Navigation2DEnv::new, NavigationTaskDistribution.standard(),
                    "MAML (Finn et al. 2017) §5.3; pytorch-maml-rl navigation.py"),
            bernoulliBandit(DEFAULT_ARMS),
            new EnvFamily<>("tabular-mdp", () -> new TabularMdpEnv(10, 5), TabularMdpTaskDistribution.standard(),
                    "RL² (Duan et al. 2016) §3.2; pytorch-maml-rl mdp.py"),
            new EnvFamily<>("cartpole", CartPoleEnv::new, CartPoleTaskDistribution.standard(),
                    "gym 0.21 CartPole-v1, parameterized"),
            new EnvFamily<>("pendulum", PendulumEnv::new, PendulumTaskDistribution.standard(),
                    "gym 0.21 Pendulum-v1, parameterized"),
            new EnvFamily<>("mountaincar-continuous", MountainCarContinuousEnv::new,
                    MountainCarTaskDistribution.standard(), "gym 0.21 MountainCarContinuous-v0, parameterized"),
            new EnvFamily<>("acrobot", AcrobotEnv::new, AcrobotTaskDistribution.standard(),
                    "gym 0.21 Acrobot-v1, parameterized"),
            new EnvFamily<>("reacher2d", Reacher2DEnv::new, ReacherTaskDistribution.standard(),
                    "planar 2-link arm after gym Reacher-v2 (own dynamics, not MuJoCo)"),
            RoboticsFamilies.GRASP_LIFT, RoboticsFamilies.PICK_PLACE, RoboticsFamilies.PUSH, RoboticsFamilies.REACH3D,
            new EnvFamily<>("cheetah-vel", PlanarCheetahEnv::velocity, CheetahVelTaskDistribution.standard(),
                    "MAML §5.3 HalfCheetah-Vel, pytorch-maml-rl half_cheetah.py; planar cheetah in dyn4j, not MuJoCo"),
            new EnvFamily<>("cheetah-dir", PlanarCheetahEnv::direction, new CheetahDirTaskDistribution(),
                    "MAML §5.3 HalfCheetah-Dir, pytorch-maml-rl half_cheetah.py; planar cheetah in dyn4j, not MuJoCo"));

    /**
     * Registered families that reuse another family's env with other task distributions: configs can name them, but
     * the gym server (one family per env id), the survey and {@link #all()} leave them out.
     */
    private static final List<EnvFamily<?>> VARIANTS = List.of(
            // meta-trained on U([0, 0.8] ∪ [1.2, 2]) so that U[0.8, 1.2] is a true meta-test split
            new EnvFamily<>("cheetah-vel-split", PlanarCheetahEnv::velocity, CheetahVelTaskDistribution.train(),
                    CheetahVelTaskDistribution.heldOut(), "cheetah-vel with the goal band [0.8, 1.2] m/s held out"));

    private EnvFamilies() {
    }

    public static List<EnvFamily<?>> all() {
        return ALL;
    }

    /** The variants (other task splits of a registered env), which {@link #all()} leaves out. */
    public static List<EnvFamily<?>> variants() {
        return VARIANTS;
    }

    /**
     * The {@code bernoulli-bandit} family with {@code arms} arms (RL² Table 1 uses k = 5, 10, 50; the registry holds
     * k = {@value #DEFAULT_ARMS}): same name, env and task distribution for another k.
     */
    public static EnvFamily<BanditTask> bernoulliBandit(int arms) {
        return new EnvFamily<>("bernoulli-bandit", () -> new BernoulliBanditEnv(arms),
                new BanditTaskDistribution(arms), "RL² (Duan et al. 2016) §3.1; pytorch-maml-rl bandit.py");
    }

    /** The registered family names, in registry order. */
    public static List<String> names() {
        return ALL.stream().map(EnvFamily::name).toList();
    }

    /** The family called {@code name}; an IllegalArgumentException lists the known names otherwise. */
    public static EnvFamily<?> byName(String name) {
        for (EnvFamily<?> family : java.util.stream.Stream.concat(ALL.stream(), VARIANTS.stream()).toList()) {
            if (family.name().equals(name)) {
                return family;
            }
        }
        throw new IllegalArgumentException("unknown task family '" + name + "'; known: "
                + java.util.stream.Stream.concat(ALL.stream(), VARIANTS.stream()).map(EnvFamily::name)
                .collect(Collectors.joining(", ")));
    }
}
