package org.metarl4j.envs.gym;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the JVM shutdown hook does: closes what is open, and closes at once what other threads make meanwhile. */
class OpenInstancesTest {
    @Test
    void theExitHookClosesOpenInstancesAndAnyMadeWhileItRuns() {
        List<String> closed = new ArrayList<>();
        OpenInstances open = new OpenInstances(closed::add, "test");
        try {
            open.add("a");
            open.add("b");
            open.remove("b");
            open.closeAtExit();
            assertEquals(List.of("a"), closed);
            assertTrue(open.snapshot().isEmpty());
            assertThrows(IllegalStateException.class, () -> open.add("c"));
            assertEquals(List.of("a", "c"), closed);
        } finally {
            open.removeHook();
        }
    }
}
