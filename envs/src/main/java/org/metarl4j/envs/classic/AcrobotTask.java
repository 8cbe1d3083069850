package org.metarl4j.envs.classic;

import org.metarl4j.envs.ParameterRange;
import org.metarl4j.envs.Task;

/**
 * Link masses and lengths of the Acrobot; the defaults are gym's Acrobot-v1 constants. Each link's centre of mass
 * sits at half its length (gym: 0.5 for links of length 1) and both moments of inertia stay gym's 1.0.
 *
 * @param linkMass1 mass of the first link (gym 1.0)
 * @param linkMass2 mass of the second link (gym 1.0)
 * @param linkLength1 length of the first link (gym 1.0)
 * @param linkLength2 length of the second link (gym 1.0)
 */
public record AcrobotTask(double linkMass1, double linkMass2, double linkLength1, double linkLength2)
        implements Task {
    public static final ParameterRange LINK_MASS_1 = new ParameterRange("linkMass1", 0.05, 20.0);
    public static final ParameterRange LINK_MASS_2 = new ParameterRange("linkMass2", 0.05, 20.0);
    public static final ParameterRange LINK_LENGTH_1 = new ParameterRange("linkLength1", 0.05, 10.0);
    public static final ParameterRange LINK_LENGTH_2 = new ParameterRange("linkLength2", 0.05, 10.0);

    /** gym's Acrobot-v1. */
    public static AcrobotTask standard() {
        return new AcrobotTask(1.0, 1.0, 1.0, 1.0);
    }

    @Override
    public void validate() {
        LINK_MASS_1.check("acrobot", linkMass1);
        LINK_MASS_2.check("acrobot", linkMass2);
        LINK_LENGTH_1.check("acrobot", linkLength1);
        LINK_LENGTH_2.check("acrobot", linkLength2);
    }
}
