package org.metarl4j.envs.reacher;

import java.util.SplittableRandom;
import org.metarl4j.envs.ParameterRange;
import org.metarl4j.envs.TaskDistribution;

/**
 * Reaching tasks for {@link Reacher2DEnv}: each link length is drawn from U[minLinkLength, maxLinkLength] (l1 then
 * l2; default 0.1 ± 0.02 m, around Reacher-v2's 0.1 m links), then the goal is drawn uniformly over the area of the
 * annulus the arm can reach, r ∈ [|l1 − l2|, l1 + l2], shrunk at both edges by a margin of
 * {@value #MARGIN_FRACTION} × min(l1, l2) so the goal is strictly reachable and {@link ReacherTask#validate()} always
 * passes despite rounding: radius r = sqrt(U(r_min², r_max²)) (area-uniform), angle θ ~ U[−π, π), goal
 * (r cos θ, r sin θ). Reacher-v2 instead draws its goal uniformly in the disc of radius 0.2 around the base.
 *
 * @param minLinkLength lower bound of each link length, m
 * @param maxLinkLength upper bound of each link length, m
 */
public record ReacherTaskDistribution(double minLinkLength, double maxLinkLength)
        implements TaskDistribution<ReacherTask> {
    /** Fraction of the shorter link by which the reachable annulus is shrunk at each edge. */
    public static final double MARGIN_FRACTION = 0.05;

    public ReacherTaskDistribution {
        new ParameterRange("linkLength1", minLinkLength, maxLinkLength).within("reacher2d", ReacherTask.LINK_LENGTH_1);
        new ParameterRange("linkLength2", minLinkLength, maxLinkLength).within("reacher2d", ReacherTask.LINK_LENGTH_2);
    }

    /** Link lengths U[0.08, 0.12] m (0.1 ± 0.02). */
    public static ReacherTaskDistribution standard() {
        return new ReacherTaskDistribution(0.08, 0.12);
    }

    @Override
    public ReacherTask sample(SplittableRandom rng) {
        double l1 = minLinkLength + (maxLinkLength - minLinkLength) * rng.nextDouble();
        double l2 = minLinkLength + (maxLinkLength - minLinkLength) * rng.nextDouble();
        double margin = MARGIN_FRACTION * Math.min(l1, l2);
        double rMin = Math.abs(l1 - l2) + margin;
        double rMax = l1 + l2 - margin;
        double r = Math.sqrt(rMin * rMin + (rMax * rMax - rMin * rMin) * rng.nextDouble());
        double theta = Math.PI * (2.0 * rng.nextDouble() - 1.0);
        return new ReacherTask(r * Math.cos(theta), r * Math.sin(theta), l1, l2);
    }
}
