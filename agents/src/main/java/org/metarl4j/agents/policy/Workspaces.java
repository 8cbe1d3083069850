package org.metarl4j.agents.policy;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Memory scopes of the policies. Fresh off-heap allocations of activation-sized arrays cost far more than the
 * arithmetic on them (measured here: five {@code [20, 2000, 64]} float products 150 ms allocating vs 9 ms in a
 * workspace), so every temporary of a derivative lives in one thread-local workspace that is reused call after call
 * (it grows to the largest call and stays). What an evaluation caches is allocated outside every workspace, so it
 * stays valid whatever scopes the caller opens and closes.
 */
final class Workspaces {
    static final String TEMP_ID = "metarl4j-policy-temporaries";
    private static final WorkspaceConfiguration TEMP = WorkspaceConfiguration.builder()
            .initialSize(0)
            .overallocationLimit(0.1)
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .policySpill(SpillPolicy.REALLOCATE)
            .build();

    private Workspaces() {
    }

    /** Opens (activates) this thread's temporaries workspace; close it before returning anything allocated in it. */
    static MemoryWorkspace temporaries() {
        return Nd4j.getWorkspaceManager().getAndActivateWorkspace(TEMP, TEMP_ID);
    }

    /** A scope in which allocations are outside every workspace (for arrays an evaluation keeps). */
    static MemoryWorkspace outside() {
        return Nd4j.getWorkspaceManager().scopeOutOfWorkspaces();
    }
}
