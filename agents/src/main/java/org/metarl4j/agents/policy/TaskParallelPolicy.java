package org.metarl4j.agents.policy;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs a policy's batched tensor work on several threads by cutting the meta-batch into contiguous blocks of tasks,
 * one block per worker. Every derivative MAML needs is per task (one row per task), so the blocks never exchange
 * anything: each worker evaluates and differentiates its own tasks and the rows are stitched back in task order.
 * Each task's numbers come from the same ops on the same rows as without blocks, so the results are identical to
 * the wrapped policy's (a test checks it bit for bit). Sampling is delegated unchanged: its per-step batches are
 * too small to split.
 *
 * <p>The workers are daemon threads; {@link #close} stops them.
 */
public final class TaskParallelPolicy implements BatchedPolicy, AutoCloseable {
    private final BatchedPolicy inner;
    private final int workers;
    private final ExecutorService pool;

    /**
     * @param inner the policy doing the work
     * @param workers threads, ≥ 1 (1 runs everything on the caller's thread)
     */
    public TaskParallelPolicy(BatchedPolicy inner, int workers) {
        if (inner == null) {
            throw new IllegalArgumentException("TaskParallelPolicy needs a policy to wrap");
        }
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1, got " + workers);
        }
        this.inner = inner;
        this.workers = workers;
        AtomicInteger count = new AtomicInteger();
        this.pool = workers == 1 ? null : Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "metarl4j-policy-worker-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public BatchedPolicy inner() {
        return inner;
    }

    public int workers() {
        return workers;
    }

    @Override
    public int observationDim() {
        return inner.observationDim();
    }

    @Override
    public int actionDim() {
        return inner.actionDim();
    }

    @Override
    public int numParams() {
        return inner.numParams();
    }

    @Override
    public DataType dataType() {
        return inner.dataType();
    }

    @Override
    public double[] initialParameters(SplittableRandom rng) {
        return inner.initialParameters(rng);
    }

    @Override
    public void sample(INDArray params, double[] observations, int tasks, int perTask, SplittableRandom rng,
                       double[] actionsOut) {
        inner.sample(params, observations, tasks, perTask, rng, actionsOut);
    }

    @Override
    public PolicyEvaluation evaluate(INDArray params, INDArray observations, INDArray actions) {
        if (observations == null || observations.rank() != 3) {
            return inner.evaluate(params, observations, actions); // let the policy report the bad shape
        }
        int[] bounds = blocks((int) observations.size(0));
        if (bounds.length == 2) {
            return inner.evaluate(params, observations, actions);
        }
        List<PolicyEvaluation> parts = inParallel(bounds.length - 1, b -> inner.evaluate(
                rows(params, bounds, b), block(observations, bounds, b), block(actions, bounds, b)));
        return new Blocks(bounds, parts);
    }

    /** Block boundaries 0 = b₀ < b₁ < … < b_k = tasks, k = min(workers, tasks), sizes differing by at most one. */
    private int[] blocks(int tasks) {
        int k = Math.max(1, Math.min(workers, tasks));
        int[] bounds = new int[k + 1];
        for (int b = 0; b <= k; b++) {
            bounds[b] = (int) ((long) tasks * b / k);
        }
        return bounds;
    }

    /** Rows of block b of a {@code [T or 1, …]} array; a one-row (shared) array is every block's. */
    private static INDArray rows(INDArray a, int[] bounds, int b) {
        return a != null && a.rank() >= 1 && a.size(0) == 1 ? a : block(a, bounds, b);
    }

    /** Rows of block b of a {@code [T, …]} array (anything else is passed on whole, for the policy to reject). */
    private static INDArray block(INDArray a, int[] bounds, int b) {
        if (a == null || a.rank() < 2 || a.rank() > 3 || a.size(0) != bounds[bounds.length - 1]) {
            return a;
        }
        return a.rank() == 3 ? a.get(interval(bounds[b], bounds[b + 1]), all(), all())
                : a.get(interval(bounds[b], bounds[b + 1]), all());
    }

    /** Runs {@code work} for blocks 0 … k−1 on the workers; rethrows a worker's exception on the caller's thread. */
    private <R> List<R> inParallel(int k, IntFunction<R> work) {
        List<Future<R>> futures = new ArrayList<>(k);
        for (int b = 0; b < k; b++) {
            int block = b;
            futures.add(pool.submit(() -> work.apply(block)));
        }
        List<R> results = new ArrayList<>(k);
        try {
            for (Future<R> f : futures) {
                results.add(f.get());
            }
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the policy workers", e);
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("a policy worker failed", cause);
        }
        return results;
    }

    private static INDArray concat(List<INDArray> parts) {
        return Nd4j.concat(0, parts.toArray(new INDArray[0]));
    }

    /** An evaluation made of one evaluation per block of tasks. */
    private final class Blocks implements PolicyEvaluation {
        private final int[] bounds;
        private final List<PolicyEvaluation> parts;
        private INDArray logProb;

        Blocks(int[] bounds, List<PolicyEvaluation> parts) {
            this.bounds = bounds;
            this.parts = parts;
        }

        private int count() {
            return parts.size();
        }

        @Override
        public INDArray logProb() {
            if (logProb == null) {
                logProb = concat(parts.stream().map(PolicyEvaluation::logProb).toList());
            }
            return logProb;
        }

        @Override
        public INDArray klDivergenceFrom(PolicyEvaluation other) {
            if (!(other instanceof Blocks o) || o.count() != count()
                    || !java.util.Arrays.equals(o.bounds, bounds)) {
                throw new IllegalArgumentException("KL needs another evaluation of the same task-parallel policy on "
                        + "the same batch, got " + (other == null ? "null" : other.getClass().getName()));
            }
            return concat(inParallel(count(), b -> parts.get(b).klDivergenceFrom(o.parts.get(b))));
        }

        @Override
        public INDArray gradient(INDArray weights) {
            return concat(inParallel(count(), b -> parts.get(b).gradient(block(weights, bounds, b))));
        }

        @Override
        public Hessian hessian(INDArray weights) {
            List<Hessian> hessians = inParallel(count(), b -> parts.get(b).hessian(block(weights, bounds, b)));
            return v -> concat(inParallel(count(), b -> hessians.get(b).times(rows(v, bounds, b))));
        }

        @Override
        public INDArray fisherVector(INDArray weights, INDArray v) {
            return concat(inParallel(count(), b -> parts.get(b).fisherVector(block(weights, bounds, b),
                    rows(v, bounds, b))));
        }

        @Override
        public void close() {
            parts.forEach(PolicyEvaluation::close);
            if (logProb != null) {
                MlpTrunk.free(logProb);
                logProb = null;
            }
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
