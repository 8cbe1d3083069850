package org.metarl4j.envs.robotics;

/**
 * Which part of a robotics family's task space a distribution draws from: meta-training tasks, or the held-out
 * region kept for meta-testing (as Meta-World ML1 keeps train and test tasks apart; here the test region is disjoint
 * from the training one, so test tasks measure generalisation, not memory).
 */
public enum Split {
    TRAIN,
    TEST
}
