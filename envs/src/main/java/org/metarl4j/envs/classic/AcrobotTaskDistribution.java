package org.metarl4j.envs.classic;

import java.util.Objects;
import java.util.SplittableRandom;
import org.metarl4j.envs.ParameterRange;
import org.metarl4j.envs.TaskDistribution;

/**
 * Acrobot tasks with each link parameter drawn independently and uniformly from its range, in the order linkMass1,
 * linkMass2, linkLength1, linkLength2 (one {@code nextDouble} each, none for a fixed range). Every range must lie
 * inside the family's allowed range ({@link AcrobotTask#LINK_MASS_1} etc.).
 */
public record AcrobotTaskDistribution(ParameterRange linkMass1, ParameterRange linkMass2,
                                      ParameterRange linkLength1, ParameterRange linkLength2)
        implements TaskDistribution<AcrobotTask> {

    public AcrobotTaskDistribution {
        Objects.requireNonNull(linkMass1, "linkMass1 range").within("acrobot", AcrobotTask.LINK_MASS_1);
        Objects.requireNonNull(linkMass2, "linkMass2 range").within("acrobot", AcrobotTask.LINK_MASS_2);
        Objects.requireNonNull(linkLength1, "linkLength1 range").within("acrobot", AcrobotTask.LINK_LENGTH_1);
        Objects.requireNonNull(linkLength2, "linkLength2 range").within("acrobot", AcrobotTask.LINK_LENGTH_2);
    }

    /** The default meta-RL distribution: every mass and length U[0.5, 1.5], i.e. U[0.5x, 1.5x] of gym's 1.0. */
    public static AcrobotTaskDistribution standard() {
        return new AcrobotTaskDistribution(
                ParameterRange.halfToThreeHalves("linkMass1", 1.0),
                ParameterRange.halfToThreeHalves("linkMass2", 1.0),
                ParameterRange.halfToThreeHalves("linkLength1", 1.0),
                ParameterRange.halfToThreeHalves("linkLength2", 1.0));
    }

    @Override
    public AcrobotTask sample(SplittableRandom rng) {
        double m1 = linkMass1.sample(rng);
        double m2 = linkMass2.sample(rng);
        double l1 = linkLength1.sample(rng);
        double l2 = linkLength2.sample(rng);
        return new AcrobotTask(m1, m2, l1, l2);
    }
}
