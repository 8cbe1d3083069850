package org.metarl4j.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetaRl4jCliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    @Test
    void surveyRunsAndExitsZero(@TempDir Path root) throws Exception {
        int code = MetaRl4jCli.execute("survey", "--tasks", "4", "--episodes", "1", "--families", "pendulum",
                "--out", root.toString());
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        try (var runs = Files.list(root.resolve("env-survey"))) {
            assertEquals(1, runs.count());
        }
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("pendulum"));
    }

    @Test
    void badInputExitsTwoWithAClearMessage(@TempDir Path root) {
        assertEquals(2, MetaRl4jCli.execute("survey", "--families", "cartpol", "--out", root.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown task family 'cartpol'; known: "),
                err.toString(StandardCharsets.UTF_8));
        assertEquals(2, MetaRl4jCli.execute("survey", "--tasks", "1", "--out", root.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("tasks must be >= 2"));
        assertEquals(2, MetaRl4jCli.execute("survey", "--tasks", "many"));
        assertEquals(2, MetaRl4jCli.execute("no-such-command"));
    }

    @Test
    void helpAndListExitZero() {
        assertEquals(0, MetaRl4jCli.execute("--help"));
        assertEquals(0, MetaRl4jCli.execute("list"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("CartPole-v1"));
    }
}
