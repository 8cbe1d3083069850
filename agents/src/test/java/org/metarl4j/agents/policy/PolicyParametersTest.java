package org.metarl4j.agents.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

class PolicyParametersTest {
    @TempDir
    Path dir;

    @Test
    void roundTripIsExactAndRecreatesThePolicy() throws Exception {
        GaussianMlpPolicy p = new GaussianMlpPolicy(MlpShape.of(2, new int[] {64, 64}, 2, Activation.TANH));
        double[] theta = p.initialParameters(new SplittableRandom(1));
        theta[p.logStdOffset()] = -0.123456789012345678;
        Path file = dir.resolve("policy.json");
        PolicyParameters.save(file, p, theta);
        assertArrayEquals(theta, PolicyParameters.load(file, p));
        PolicyParameters read = PolicyParameters.read(file);
        assertEquals(p.spec(), read.spec());
        MlpPolicy again = read.spec().create(DataType.DOUBLE);
        assertTrue(again instanceof GaussianMlpPolicy);
        assertEquals(p.numParams(), again.numParams());
        String json = Files.readString(file);
        assertTrue(json.contains("\"numParams\" : " + p.numParams()), json.substring(0, 300));

        CategoricalMlpPolicy c = new CategoricalMlpPolicy(MlpShape.of(3, new int[] {32, 32}, 5, Activation.RELU));
        double[] phi = c.initialParameters(new SplittableRandom(2));
        Path cf = dir.resolve("cat.json");
        PolicyParameters.save(cf, c, phi);
        assertArrayEquals(phi, PolicyParameters.load(cf, c));
    }

    @Test
    void mismatchedShapeIsRejectedClearly() {
        GaussianMlpPolicy p = new GaussianMlpPolicy(MlpShape.of(2, new int[] {64, 64}, 2, Activation.TANH));
        Path file = dir.resolve("policy.json");
        PolicyParameters.save(file, p, p.initialParameters(new SplittableRandom(1)));
        GaussianMlpPolicy other = new GaussianMlpPolicy(MlpShape.of(2, new int[] {32, 32}, 2, Activation.TANH));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PolicyParameters.load(file, other));
        assertTrue(e.getMessage().contains("holds parameters of a GAUSSIAN_MLP 2-64-64-2 TANH policy, not of this "
                + "GAUSSIAN_MLP 2-32-32-2 TANH policy"), e.getMessage());
        CategoricalMlpPolicy cat = new CategoricalMlpPolicy(MlpShape.of(2, new int[] {64, 64}, 2, Activation.TANH));
        assertThrows(IllegalArgumentException.class, () -> PolicyParameters.load(file, cat));
        IllegalArgumentException len = assertThrows(IllegalArgumentException.class,
                () -> PolicyParameters.save(file, p, new double[3]));
        assertTrue(len.getMessage().contains("has " + p.numParams() + " parameters, got 3"), len.getMessage());
    }

    @Test
    void corruptFilesAreRejectedClearly() throws Exception {
        GaussianMlpPolicy p = new GaussianMlpPolicy(MlpShape.of(2, new int[] {4}, 2, Activation.TANH));
        Path file = dir.resolve("policy.json");
        PolicyParameters.save(file, p, p.initialParameters(new SplittableRandom(1)));
        String json = Files.readString(file);
        Files.writeString(file, json.replaceFirst("\"parameters\" : \\[ [^,]*,", "\"parameters\" : ["));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PolicyParameters.load(file, p));
        assertTrue(e.getMessage().contains("has " + p.numParams() + " parameters, got " + (p.numParams() - 1)),
                e.getMessage());
        Files.writeString(file, json.replace(PolicyParameters.FORMAT, "something-else"));
        IllegalArgumentException f = assertThrows(IllegalArgumentException.class, () -> PolicyParameters.read(file));
        assertTrue(f.getMessage().contains("not a policy parameter file"), f.getMessage());
    }
}
