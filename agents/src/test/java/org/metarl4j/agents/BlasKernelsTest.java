package org.metarl4j.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class BlasKernelsTest {
    private static final Set<String> AVX512 = Set.of("sse3", "avx2", "fma", "avx512f", "avx512cd", "avx512bw",
            "avx512dq", "avx512vl");

    @Test
    void avx512CpusGetSkylakeXKernelsUnlessTheUserChoseOrOptedOut() {
        assertEquals("SkylakeX", BlasKernels.choose(null, null, AVX512).coreType());
        assertEquals("SkylakeX", BlasKernels.choose("", "auto", AVX512).coreType());
        assertNull(BlasKernels.choose("Haswell", null, AVX512).coreType(), "the user's variable wins");
        assertNull(BlasKernels.choose(null, "default", AVX512).coreType(), "opt-out");
        Set<String> partial = new HashSet<>(AVX512);
        partial.remove("avx512vl");
        assertNull(BlasKernels.choose(null, null, partial).coreType(), "SkylakeX kernels need every subset");
        assertNull(BlasKernels.choose(null, null, Set.of("sse3", "avx2")).coreType());
    }

    @Test
    void aBadPropertyIsRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BlasKernels.choose(null, "fast", AVX512));
        assertEquals("system property metarl4j.blasKernels must be 'auto' or 'default', got 'fast'", e.getMessage());
    }

    @Test
    void theCoreNameIsReadFromTheLoadedLibrary() {
        Nd4j.create(2, 2).mmul(Nd4j.create(2, 2)); // loads OpenBLAS
        String name = BlasKernels.activeCoreName().orElseThrow();
        assertTrue(name.matches("[A-Za-z0-9]+"), name);
    }

    /** The whole point, in a fresh JVM: selecting before ND4J loads changes the kernels OpenBLAS runs. */
    @Test
    void selectingBeforeNd4jLoadsTakesEffect() throws IOException, InterruptedException {
        String expected = BlasKernels.cpuFlags().containsAll(BlasKernels.SKYLAKEX_FLAGS) ? "SkylakeX" : null;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SelectThenLoad.class.getName());
        pb.environment().remove(BlasKernels.CORETYPE_VARIABLE);
        pb.environment().put("OMP_NUM_THREADS", "2"); // OpenBLAS's thread pool running, as in a user's shell
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM did not finish");
        assertEquals(0, p.exitValue(), out);
        List<String> lines = out.lines().filter(l -> l.startsWith("core=")).toList();
        assertEquals(1, lines.size(), out);
        if (expected != null) {
            assertEquals("core=" + expected, lines.get(0), out);
        }
    }

    /** The child process of {@link #selectingBeforeNd4jLoadsTakesEffect}. */
    public static final class SelectThenLoad {
        public static void main(String[] args) {
            BlasKernels.selectBeforeNd4jLoads();
            Nd4j.create(2, 2).mmul(Nd4j.create(2, 2));
            System.out.println("core=" + BlasKernels.activeCoreName().orElse("?"));
            System.out.println("described as " + BlasKernels.describe());
            for (int i = 0; i < 20; i++) { // BLAS still sound after the look-up
                Nd4j.rand(400, 64).mmul(Nd4j.rand(64, 64));
            }
        }
    }
}
