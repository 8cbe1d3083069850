package org.metarl4j.agents.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What both MLP heads' evaluations share: the cached forward pass, the off-heap arrays the evaluation and its Hessian
 * operators own, and the closed state that turns use after {@link #close} into a clear error instead of a read of
 * freed memory.
 */
abstract class MlpEvaluation implements PolicyEvaluation {
    final MlpTrunk.Forward forward;
    final int tasks;
    final int samples;
    private final List<INDArray> owned = new ArrayList<>();
    private final List<MlpTrunk.Backprop> backprops = new ArrayList<>();
    private boolean closed;

    MlpEvaluation(MlpTrunk.Forward forward) {
        this.forward = forward;
        this.tasks = forward.tasks;
        this.samples = forward.samples;
    }

    /** Frees {@code arrays} when this evaluation closes. */
    final void own(INDArray... arrays) {
        owned.addAll(List.of(arrays));
    }

    /** Frees {@code backprop}'s arrays when this evaluation closes. */
    final void own(MlpTrunk.Backprop backprop) {
        backprops.add(backprop);
    }

    final void requireOpen() {
        if (closed) {
            throw new IllegalStateException("this policy evaluation was closed");
        }
    }

    /**
     * {@code other} as an open evaluation of the same head ({@code type}, named {@code kind} in messages) on the same
     * batch as this one ({@code batch} picks the array whose shape must match) — what a KL between the two needs.
     */
    final <E extends MlpEvaluation> E comparable(PolicyEvaluation other, Class<E> type, String kind,
                                                 Function<E, INDArray> batch) {
        if (!type.isInstance(other)) {
            throw new IllegalArgumentException("KL needs another " + kind + " policy evaluation, got "
                    + (other == null ? "null" : other.getClass().getName()));
        }
        E o = type.cast(other);
        requireOpen();
        o.requireOpen();
        long[] mine = batch.apply(type.cast(this)).shape();
        long[] theirs = batch.apply(o).shape();
        if (!Arrays.equals(theirs, mine)) {
            throw new IllegalArgumentException("KL needs evaluations on the same batch: " + Arrays.toString(mine)
                    + " vs " + Arrays.toString(theirs));
        }
        return o;
    }

    @Override
    public final void close() {
        if (closed) {
            return;
        }
        closed = true;
        forward.release();
        owned.forEach(MlpTrunk::free);
        backprops.forEach(MlpTrunk.Backprop::release);
        owned.clear();
        backprops.clear();
    }
}
