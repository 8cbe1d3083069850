package org.metarl4j.envs.gym.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.IntNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.metarl4j.envs.AbstractEnv;
import org.metarl4j.envs.navigation.NavigationTask;
import org.metarl4j.envs.space.Box;
import org.metarl4j.envs.space.Discrete;
import org.metarl4j.envs.space.Space;

/** An instance lets one request at a time into its env, however many threads ask. */
class EnvInstanceTest {

    /** An env whose step takes a while and counts the times a second step entered while one was running. */
    static final class OverlapCountingEnv extends AbstractEnv<NavigationTask> {
        final AtomicInteger inside = new AtomicInteger();
        final AtomicInteger overlaps = new AtomicInteger();

        OverlapCountingEnv() {
            super("OverlapCounting-v0", 100_000);
            setTask(new NavigationTask(0, 0));
        }

        @Override
        public Space observationSpace() {
            return Box.uniform(1, 0, 0);
        }

        @Override
        public Space actionSpace() {
            return new Discrete(2);
        }

        @Override
        protected void resetState(SplittableRandom rng) {
        }

        @Override
        protected double advance(double[] actions, int offset) {
            if (inside.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inside.decrementAndGet();
            return 1;
        }

        @Override
        protected boolean isTerminal() {
            return false;
        }

        @Override
        protected void observe(double[] out, int offset) {
            out[offset] = 0;
        }
    }

    @Test
    void concurrentStepsAreSerialised() throws Exception {
        OverlapCountingEnv env = new OverlapCountingEnv();
        EnvInstance instance = new EnvInstance("0000abcd", env, new SplittableRandom(1));
        instance.reset();
        int threads = 4;
        int stepsEach = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Void>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                work.add(() -> {
                    for (int s = 0; s < stepsEach; s++) {
                        instance.step(IntNode.valueOf(1));
                        if (s % 5 == 0) {
                            instance.sampleAction();
                        }
                    }
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(work)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, env.overlaps.get(), "steps overlapped");
        assertEquals(threads * stepsEach, env.elapsedSteps());
    }
}
