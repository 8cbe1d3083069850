package org.metarl4j.agents;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reusable off-heap memory for arrays that live only inside one scope (an ND4J workspace): a PPO epoch's unroll and
 * backpropagation allocate thousands of temporaries, and fresh off-heap allocation was measured to take about half
 * of an RL² iteration. The first pass learns how much memory a scope needs; later passes reuse it. Arrays created
 * inside must not be used after the scope closes: copy out what outlives it (Java arrays, or arrays made inside
 * {@link #outside()}).
 */
public final class ScratchMemory {
    private static final WorkspaceConfiguration CONFIG = WorkspaceConfiguration.builder()
            .initialSize(0)
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .overallocationLimit(0.1)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .policyReset(ResetPolicy.BLOCK_LEFT)
            .policySpill(SpillPolicy.REALLOCATE)
            .build();

    private ScratchMemory() {
    }

    /** Opens (or re-enters) this thread's workspace {@code name}; close it to release everything allocated inside. */
    public static MemoryWorkspace open(String name) {
        return Nd4j.getWorkspaceManager().getAndActivateWorkspace(CONFIG, name);
    }

    /** A scope in which allocations go to ordinary memory even when a workspace is open. */
    public static MemoryWorkspace outside() {
        return Nd4j.getWorkspaceManager().scopeOutOfWorkspaces();
    }
}
