package org.metarl4j.agents.policy;

import java.util.ArrayList;
import java.util.List;
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
