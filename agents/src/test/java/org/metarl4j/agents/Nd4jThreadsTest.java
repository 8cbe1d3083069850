package org.metarl4j.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class Nd4jThreadsTest {

    @Test
    void propertyWinsOverEnvironmentAndDefaultIsOne() {
        assertEquals(1, Nd4jThreads.resolve(null, null));
        assertEquals(3, Nd4jThreads.resolve(null, "3"));
        assertEquals(2, Nd4jThreads.resolve("2", "3"));
    }

    @Test
    void badValuesAreRejectedNamingTheSource() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Nd4jThreads.resolve(null, "many"));
        assertEquals("environment variable OMP_NUM_THREADS must be a positive integer, got 'many'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Nd4jThreads.resolve("0", null));
    }

    @Test
    void configureAppliesTheCountToNd4j() {
        int threads = Nd4jThreads.configure();
        assertEquals(threads, Nd4j.getEnvironment().maxThreads());
    }
}
