package org.metarl4j.experiments.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.metarl4j.agents.BlasKernels;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Where a run's numbers came from, for {@code provenance.json}: the build's git commit and dirty flag (recorded at
 * build time by git-commit-id-maven-plugin), the JDK, ND4J's backend and thread settings, the BLAS kernel choice, the
 * OS and CPU, and the pinned library versions.
 */
public final class Provenance {
    private Provenance() {
    }

    /** A JSON-ready description of this process, with the command line that started the run. */
    public static Map<String, Object> describe(List<String> commandLine) {
        Map<String, Object> out = new LinkedHashMap<>();
        Properties git = resource("/metarl4j-git.properties");
        Map<String, Object> gitInfo = new LinkedHashMap<>();
        gitInfo.put("commit", git.getProperty("git.commit.id.full", "unknown (built outside a git checkout)"));
        gitInfo.put("dirty", Boolean.parseBoolean(git.getProperty("git.dirty", "false")));
        gitInfo.put("commitTime", git.getProperty("git.commit.time", ""));
        out.put("git", gitInfo);
        out.put("startedAt", OffsetDateTime.now().toString());
        out.put("commandLine", commandLine);
        out.put("jdk", Map.of("version", System.getProperty("java.version"), "vendor",
                System.getProperty("java.vendor"), "vm", System.getProperty("java.vm.name")));
        Map<String, Object> nd4j = new LinkedHashMap<>();
        nd4j.put("backend", Nd4j.getBackend().getClass().getSimpleName());
        nd4j.put("opThreads", Nd4j.getEnvironment().maxThreads());
        nd4j.put("OMP_NUM_THREADS", System.getenv("OMP_NUM_THREADS"));
        nd4j.put("OPENBLAS_CORETYPE", System.getenv("OPENBLAS_CORETYPE"));
        nd4j.put("blasKernels", BlasKernels.describe());
        out.put("nd4j", nd4j);
        out.put("os", Map.of("name", System.getProperty("os.name"), "version", System.getProperty("os.version"),
                "arch", System.getProperty("os.arch"), "processors", Runtime.getRuntime().availableProcessors()));
        out.put("libraries", new TreeMap<>(resource("/metarl4j-versions.properties")));
        return out;
    }

    private static Properties resource(String name) {
        Properties p = new Properties();
        try (InputStream in = Provenance.class.getResourceAsStream(name)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
