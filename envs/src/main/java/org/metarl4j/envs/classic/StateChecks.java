package org.metarl4j.envs.classic;

/** Validation shared by the classic-control envs' {@code resetTo(double[])}. */
final class StateChecks {
    private StateChecks() {
    }

    /** Requires {@code state} to hold exactly {@code length} finite numbers named by {@code names}. */
    static void check(String id, double[] state, String... names) {
        if (state == null || state.length != names.length) {
            throw new IllegalArgumentException(id + " expects a state of length " + names.length + " "
                    + String.join(", ", names) + ", got " + (state == null ? "null" : "length " + state.length));
        }
        for (int i = 0; i < state.length; i++) {
            if (!Double.isFinite(state[i])) {
                throw new IllegalArgumentException(id + ": state coordinate " + names[i] + " is " + state[i]
                        + "; states must be finite");
            }
        }
    }
}
