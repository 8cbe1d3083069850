package org.metarl4j.envs.robotics.scene;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Physics invariants of the ode4j gripper scene: rest, Coulomb's lift threshold, no tunnelling, determinism. */
class GripperSceneTest {

    /** Hand over the object, pads open: descend, close, then lift 8 cm; returns the object's final height gain. */
    static double graspAndLift(GripperScene scene, ObjectSpec spec, double gripForce) {
        scene.reset(spec, 0.05, -0.02, 0.0, new double[] {0.05, -0.02, 0.12}, GripperScene.MAX_OPENING);
        scene.setGripForce(gripForce);
        double restZ = spec.size() / 2;
        for (int t = 0; t < 30; t++) {
            scene.act(0, 0, -1, -1);
        }
        for (int t = 0; t < 40; t++) {
            scene.act(0, 0, 0, 1);
        }
        // Quasi-static lift: the hand's speed ramps up to 0.1 m/s over 1 s (0.1 m/s², 1% of g), then holds 0.3 s.
        for (int t = 0; t < 100; t++) {
            scene.act(0, 0, 0.1 * (t + 1) / 100.0, 1);
        }
        for (int t = 0; t < 30; t++) {
            scene.act(0, 0, 0.1, 1);
        }
        return scene.objectZ() - restZ;
    }

    @Test
    void restingObjectStaysAtRest() {
        try (GripperScene scene = new GripperScene()) {
            ObjectSpec spec = new ObjectSpec(0.06, 0.3, 0.8);
            scene.reset(spec, -0.1, 0.1, 0.4, new double[] {0.1, -0.1, 0.2}, 0.05);
            double[] start = new double[7];
            scene.objectPosition(start, 0);
            scene.objectQuaternion(start, 3);
            for (int t = 0; t < 500; t++) {
                scene.act(0, 0, 0, 0);
            }
            double[] end = new double[7];
            scene.objectPosition(end, 0);
            scene.objectQuaternion(end, 3);
            assertArrayEquals(start, end, 1e-3);
            assertTrue(scene.objectSpeed() < 1e-3, "speed " + scene.objectSpeed());
            assertTrue(scene.objectAngularSpeed() < 1e-2, "angular speed " + scene.objectAngularSpeed());
        }
    }

    @ParameterizedTest(name = "m = {0} kg, F = {1} N")
    @CsvSource({"0.5, 5", "1.0, 10", "1.5, 10", "0.2, 4"})
    void graspLiftsIffTwoMuFExceedsWeight(double mass, double force) {
        double threshold = mass * GripperScene.GRAVITY / (2 * force);
        try (GripperScene scene = new GripperScene()) {
            double slip = graspAndLift(scene, new ObjectSpec(0.05, mass, threshold - 0.01), force);
            double lift = graspAndLift(scene, new ObjectSpec(0.05, mass, threshold + 0.01), force);
            assertTrue(slip < 0.005, "mu below threshold should slip, rose " + slip);
            assertTrue(lift > 0.07, "mu above threshold should lift, rose " + lift);
        }
    }

    /**
     * A hard squeeze (30 N per pad, three times the default, on a 4 cm cube) followed by shaking in a circle at 0.5 m/s (≈ 8 m/s²): a cube is at least its edge wide in
     * any direction, so the pads may not come closer than that (up to the 3 mm the contacts may sink in) and the
     * object's centre stays between them.
     */
    @Test
    void padsDoNotTunnelThroughTheObject() {
        try (GripperScene scene = new GripperScene()) {
            ObjectSpec spec = new ObjectSpec(0.04, 0.1, 1.0);
            graspAndLift(scene, spec, 30.0);
            assertTrue(scene.objectZ() > 0.07, "a firm grasp lifts the object");
            for (int t = 0; t < 100; t++) {
                double phase = 2 * Math.PI * t / 40.0;
                scene.act(0.5 * Math.sin(phase), 0.5 * Math.cos(phase), 0, 1);
                assertTrue(scene.opening() > spec.size() - 0.003, "opening " + scene.opening() + " at step " + t);
                assertTrue(scene.padInnerFaceY(0) > scene.objectY() && scene.padInnerFaceY(1) < scene.objectY());
            }
            assertTrue(scene.bothPadsTouch());
            assertTrue(scene.objectZ() > 0.07, "still held after shaking");
        }
    }
}
