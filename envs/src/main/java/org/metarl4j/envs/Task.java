package org.metarl4j.envs;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.metarl4j.envs.bandit.BanditTask;
import org.metarl4j.envs.classic.AcrobotTask;
import org.metarl4j.envs.classic.CartPoleTask;
import org.metarl4j.envs.classic.MountainCarTask;
import org.metarl4j.envs.classic.PendulumTask;
import org.metarl4j.envs.gym.GymTask;
import org.metarl4j.envs.locomotion.CheetahDirTask;
import org.metarl4j.envs.locomotion.CheetahVelTask;
import org.metarl4j.envs.navigation.NavigationTask;
import org.metarl4j.envs.reacher.ReacherTask;
import org.metarl4j.envs.robotics.GraspLiftTask;
import org.metarl4j.envs.robotics.PickPlaceTask;
import org.metarl4j.envs.robotics.PushTask;
import org.metarl4j.envs.robotics.Reach3DTask;
import org.metarl4j.envs.tabular.TabularMdpTask;

/**
 * One member of a task family: the parameters that make one environment differ from another (a goal, masses,
 * arm probabilities). Implementations are immutable records. They serialise to JSON with a {@code "family"} field
 * naming the type, so a run's tasks can be logged and replayed ({@link Tasks#toJson}, {@link Tasks#fromJson}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "family")
@JsonSubTypes({
    @JsonSubTypes.Type(value = NavigationTask.class, name = "navigation2d"),
    @JsonSubTypes.Type(value = BanditTask.class, name = "bernoulli-bandit"),
    @JsonSubTypes.Type(value = TabularMdpTask.class, name = "tabular-mdp"),
    @JsonSubTypes.Type(value = CartPoleTask.class, name = "cartpole"),
    @JsonSubTypes.Type(value = PendulumTask.class, name = "pendulum"),
    @JsonSubTypes.Type(value = MountainCarTask.class, name = "mountaincar-continuous"),
    @JsonSubTypes.Type(value = AcrobotTask.class, name = "acrobot"),
    @JsonSubTypes.Type(value = ReacherTask.class, name = "reacher2d"),
    @JsonSubTypes.Type(value = GymTask.class, name = "gym"),
    @JsonSubTypes.Type(value = GraspLiftTask.class, name = "grasp-lift"),
    @JsonSubTypes.Type(value = PickPlaceTask.class, name = "pick-place"),
    @JsonSubTypes.Type(value = PushTask.class, name = "push"),
    @JsonSubTypes.Type(value = Reach3DTask.class, name = "reach3d"),
    @JsonSubTypes.Type(value = CheetahVelTask.class, name = "cheetah-vel"),
    @JsonSubTypes.Type(value = CheetahDirTask.class, name = "cheetah-dir"),
})
public interface Task {

    /**
     * Throws {@link IllegalArgumentException} naming the parameter, its value and the allowed range if any parameter
     * is outside the range this family supports.
     */
    void validate();
}
