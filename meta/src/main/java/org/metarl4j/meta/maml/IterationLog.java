package org.metarl4j.meta.maml;

import org.metarl4j.meta.optim.OuterStep;

/**
 * One meta-iteration as logged.
 *
 * @param iteration 0-based
 * @param wallSeconds seconds since training started, at the end of this iteration
 * @param envSteps env steps taken so far (support and query episodes)
 * @param returnBefore mean episode return of the support episodes (sampled with θ)
 * @param returnAfter mean episode return of the query episodes (sampled with the adapted θ'ᵢ)
 * @param step what the outer optimiser did
 * @param samplingSeconds seconds spent sampling this iteration
 * @param updateSeconds seconds spent in adaptation and the outer update this iteration
 */
public record IterationLog(int iteration, double wallSeconds, long envSteps, double returnBefore,
                           double returnAfter, OuterStep step, double samplingSeconds, double updateSeconds) {
}
