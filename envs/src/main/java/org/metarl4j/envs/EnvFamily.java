package org.metarl4j.envs;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A registered task family: how to make its env, the task distribution meta-training draws from by default, and the
 * reference its definition follows.
 *
 * @param name short name used in configs and on the command line, e.g. {@code "cartpole"}
 * @param envFactory makes a new env (set to some default task; callers set the task they want)
 * @param tasks the family's default task distribution (meta-training draws from it)
 * @param heldOutTasks test tasks disjoint from {@code tasks}, for meta-test evaluations; null if the family has none
 * @param reference where the definition comes from (paper, upstream code)
 */
public record EnvFamily<T extends Task>(String name, Supplier<? extends Env<T>> envFactory,
                                        TaskDistribution<T> tasks, TaskDistribution<T> heldOutTasks,
                                        String reference) {

    public EnvFamily {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(envFactory, "envFactory");
        Objects.requireNonNull(tasks, "tasks");
        Objects.requireNonNull(reference, "reference");
    }

    /** A family without a held-out test distribution. */
    public EnvFamily(String name, Supplier<? extends Env<T>> envFactory, TaskDistribution<T> tasks, String reference) {
        this(name, envFactory, tasks, null, reference);
    }

    /** The held-out test distribution, if the family has one. */
    public Optional<TaskDistribution<T>> heldOut() {
        return Optional.ofNullable(heldOutTasks);
    }

    /** A new env of this family set to {@code task}. */
    public Env<T> newEnv(T task) {
        Env<T> env = envFactory.get();
        env.setTask(task);
        return env;
    }

    /** The id of the family's env, e.g. {@code "CartPole-v1"}. */
    public String envId() {
        try (Env<T> env = envFactory.get()) {
            return env.id();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
