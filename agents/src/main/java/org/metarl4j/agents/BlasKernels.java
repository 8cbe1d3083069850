package org.metarl4j.agents;

import com.sun.jna.Function;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Picks OpenBLAS's compute kernels for this CPU before ND4J loads OpenBLAS.
 *
 * <p>Why: ND4J 1.0.0-M1.1 bundles OpenBLAS 0.3.13, whose run-time CPU detection does not know AVX-512 CPUs newer
 * than it (Ice Lake, Sapphire Rapids, Zen 4, …) and falls back to its Prescott (SSE3) kernels: a {@code [40000×64]·
 * [64×64]} float matmul then runs at 37 instead of 117 GFLOP/s (BENCHMARKS.md, "BLAS kernels"). OpenBLAS reads the
 * environment variable {@code OPENBLAS_CORETYPE} once, when the library is loaded, so a Java process can still choose
 * by setting it in its own C environment (libc {@code setenv}, through JNA) before the first ND4J call.
 *
 * <p>The rule: a user's own {@code OPENBLAS_CORETYPE} always wins; {@code -Dmetarl4j.blasKernels=default} leaves
 * OpenBLAS to itself; otherwise a CPU with the AVX-512 subsets OpenBLAS's SkylakeX kernels use (F, CD, BW, DQ, VL)
 * gets them, and any other CPU is left to OpenBLAS's own detection. The command line and the experiment classes call
 * {@link #selectBeforeNd4jLoads()}; the unit tests do not, so they run on whatever OpenBLAS picks by itself.
 * Different kernels sum in another order: runs stay reproducible on one machine and setting, but not bit-identical
 * across settings. Every run records the kernels in effect ({@link #describe()}) in its provenance.
 */
public final class BlasKernels {
    /** OpenBLAS's environment variable. */
    public static final String CORETYPE_VARIABLE = "OPENBLAS_CORETYPE";
    /** {@code auto} (the default) or {@code default} (leave OpenBLAS's own choice alone). */
    public static final String PROPERTY = "metarl4j.blasKernels";
    static final List<String> SKYLAKEX_FLAGS = List.of("avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl");

    private static volatile Choice applied;

    private BlasKernels() {
    }

    /**
     * What to do about {@code OPENBLAS_CORETYPE}.
     *
     * @param coreType the value to set, or null to leave the environment as it is
     * @param reason one line for logs and provenance
     */
    public record Choice(String coreType, String reason) {
    }

    /** The decision for the given user variable, property value and CPU flags (pure, for tests). */
    static Choice choose(String userCoreType, String property, Set<String> cpuFlags) {
        if (userCoreType != null && !userCoreType.isBlank()) {
            return new Choice(null, CORETYPE_VARIABLE + "=" + userCoreType + " set by the user");
        }
        String mode = property == null || property.isBlank() ? "auto" : property.trim().toLowerCase(Locale.ROOT);
        switch (mode) {
            case "default":
                return new Choice(null, "OpenBLAS's own CPU detection (-D" + PROPERTY + "=default)");
            case "auto":
                break;
            default:
                throw new IllegalArgumentException("system property " + PROPERTY + " must be 'auto' or 'default', got '"
                        + property + "'");
        }
        if (cpuFlags.containsAll(SKYLAKEX_FLAGS)) {
            return new Choice("SkylakeX", "AVX-512 CPU: OpenBLAS's SkylakeX kernels (OpenBLAS 0.3.13 may not "
                    + "recognise this CPU and fall back to SSE3 ones)");
        }
        return new Choice(null, "OpenBLAS's own CPU detection (no AVX-512)");
    }

    /**
     * Applies {@link #choose} for this process. Call it first thing in {@code main}, before anything touches ND4J:
     * once OpenBLAS is loaded the variable no longer matters (then nothing is changed and the reason says so).
     * Idempotent; never throws for a platform it cannot handle (it leaves OpenBLAS alone), only for a bad property.
     */
    public static synchronized Choice selectBeforeNd4jLoads() {
        if (applied != null) {
            return applied;
        }
        Choice choice = choose(System.getenv(CORETYPE_VARIABLE), System.getProperty(PROPERTY), cpuFlags());
        if (choice.coreType() != null) {
            if (openBlasLibrary().isPresent()) {
                choice = new Choice(null, "OpenBLAS was already loaded: kernels left as OpenBLAS chose");
            } else {
                try {
                    LibC libc = (LibC) Native.loadLibrary("c", LibC.class);
                    if (libc.setenv(CORETYPE_VARIABLE, choice.coreType(), 0) != 0) {
                        choice = new Choice(null, "setenv failed: kernels left as OpenBLAS chooses");
                    }
                } catch (UnsatisfiedLinkError | RuntimeException e) {
                    choice = new Choice(null, "no libc through JNA (" + e.getMessage() + "): kernels left as "
                            + "OpenBLAS chooses");
                }
            }
        }
        applied = choice;
        return choice;
    }

    /**
     * The kernels in effect, for provenance: OpenBLAS's own name for them ({@code openblas_get_corename()}, e.g.
     * "SkylakeX" or "Prescott") once ND4J has loaded it, and why.
     */
    public static String describe() {
        Choice choice = applied;
        String reason = choice == null ? "not selected by MetaRL4J (library use or tests)" : choice.reason();
        return activeCoreName().map(name -> name + " — " + reason).orElse("unknown — " + reason);
    }

    /**
     * OpenBLAS's core name, if the library is loaded in this process and answers. The symbol is looked up among the
     * libraries ND4J (JavaCPP) already loaded and called through JNA: opening the library a second time with
     * {@code dlopen} was measured to corrupt OpenBLAS's buffer bookkeeping ("Bad memory unallocation", then a crash)
     * once its thread pool was running.
     */
    public static Optional<String> activeCoreName() {
        try {
            if (openBlasLibrary().isEmpty()) {
                return Optional.empty();
            }
            org.bytedeco.javacpp.Pointer symbol = org.bytedeco.javacpp.Loader.addressof("openblas_get_corename");
            if (symbol == null || symbol.isNull()) {
                return Optional.empty();
            }
            Function function = Function.getFunction(new Pointer(symbol.address()));
            return Optional.ofNullable(function.invokeString(new Object[0], false)).map(String::trim);
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The CPU's feature flags from {@code /proc/cpuinfo} (empty where there is none). */
    static Set<String> cpuFlags() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("flags"))
                    .findFirst()
                    .map(line -> Arrays.stream(line.substring(line.indexOf(':') + 1).trim().split("\\s+"))
                            .collect(Collectors.toUnmodifiableSet()))
                    .orElse(Set.of());
        } catch (IOException | RuntimeException e) {
            return Set.of();
        }
    }

    /** The OpenBLAS shared library mapped into this process, from {@code /proc/self/maps} (Linux). */
    private static Optional<Path> openBlasLibrary() {
        try {
            return Files.readAllLines(Path.of("/proc/self/maps")).stream()
                    .map(line -> line.substring(line.lastIndexOf(' ') + 1))
                    .filter(path -> path.startsWith("/") && Path.of(path).getFileName().toString()
                            .startsWith("libopenblas"))
                    .map(Path::of)
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private interface LibC extends Library {
        int setenv(String name, String value, int overwrite);
    }

}
