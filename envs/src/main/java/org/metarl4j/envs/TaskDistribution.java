package org.metarl4j.envs;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A distribution over the tasks of one family, sampled from an explicit seeded generator so a run's tasks are
 * reproducible (garage's {@code TaskSampler.sample(n)}; MAML's p(T)).
 */
@FunctionalInterface
public interface TaskDistribution<T extends Task> {

    /** One task drawn with {@code rng}. */
    T sample(SplittableRandom rng);

    /** {@code n} independent tasks drawn in order with {@code rng}. */
    default List<T> sample(int n, SplittableRandom rng) {
        if (n < 0) {
            throw new IllegalArgumentException("number of tasks must be >= 0, got " + n);
        }
        List<T> tasks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            tasks.add(sample(rng));
        }
        return List.copyOf(tasks);
    }
}
