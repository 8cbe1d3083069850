package org.metarl4j.envs.gym.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * What {@code monitor/start} turns on: gym's {@code Monitor} reduced to its episode statistics, so upstream clients
 * that start and close a monitor (the upstream example agent does) work unchanged. No videos are recorded.
 *
 * <p>On close it writes gym's two files into the directory: {@code openaigym.episode_batch.<id>.<pid>.stats.json}
 * ({@code initial_reset_timestamp}, and per finished episode {@code timestamps}, {@code episode_lengths},
 * {@code episode_rewards}, {@code episode_types} "t") and {@code openaigym.manifest.<id>.<pid>.manifest.json}
 * ({@code stats}, {@code videos} = [], {@code env_info} with the env id and task). An episode counts when it ends
 * ({@code done}); one abandoned by a reset is not recorded (gym's monitor refuses such a reset instead).
 *
 * <p>As in gym, a directory that already holds a monitor's manifest is refused unless {@code force} (delete the
 * {@code openaigym.*} files there first) or {@code resume} (keep them). Not thread-safe: its {@link EnvInstance}
 * calls it under the instance's lock.
 */
final class EpisodeMonitor {
    private static final String PREFIX = "openaigym.";
    /** gym numbers monitors per process; so do we, per JVM. */
    private static final AtomicInteger MONITOR_IDS = new AtomicInteger();

    private final Path directory;
    private final String fileInfix;
    private final Map<String, Object> envInfo;
    private Double initialResetTimestamp;
    private final List<Double> timestamps = new ArrayList<>();
    private final List<Integer> episodeLengths = new ArrayList<>();
    private final List<Double> episodeRewards = new ArrayList<>();
    private int steps;
    private double episodeReward;

    private EpisodeMonitor(Path directory, Map<String, Object> envInfo) {
        this.directory = directory;
        this.fileInfix = MONITOR_IDS.getAndIncrement() + "." + ProcessHandle.current().pid();
        this.envInfo = envInfo;
    }

    /**
     * Prepares {@code directory} (created if missing) and starts recording.
     *
     * @throws GymRequestException (400) for a bad path, a directory that cannot be written, or one holding another
     *     monitor's files without {@code force} or {@code resume}
     */
    static EpisodeMonitor start(String directory, boolean force, boolean resume, String envId, JsonNode task) {
        Path dir;
        try {
            dir = Path.of(directory);
        } catch (InvalidPathException e) {
            throw GymRequestException.badRequest("monitor directory '" + directory + "' is not a valid path: "
                    + e.getMessage());
        }
        try {
            Files.createDirectories(dir);
            if (!resume) {
                List<Path> manifests = filesStartingWith(dir, PREFIX + "manifest.");
                if (!manifests.isEmpty() && !force) {
                    throw GymRequestException.badRequest("Trying to write to monitor directory " + directory
                            + " with existing monitor files: " + manifests.get(0).getFileName()
                            + ". Use a unique directory for each training run, or force=true to clear them");
                }
                if (force) {
                    for (Path file : filesStartingWith(dir, PREFIX)) {
                        Files.delete(file);
                    }
                }
            }
        } catch (IOException e) {
            throw GymRequestException.badRequest("cannot use monitor directory '" + directory + "': " + e);
        }
        Map<String, Object> envInfo = new TreeMap<>();
        envInfo.put("env_id", envId);
        envInfo.put("task", task);
        return new EpisodeMonitor(dir, envInfo);
    }

    private static List<Path> filesStartingWith(Path dir, String prefix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix) && Files.isRegularFile(f))
                    .sorted().toList();
        }
    }

    void onReset() {
        if (initialResetTimestamp == null) {
            initialResetTimestamp = now();
        }
        steps = 0;
        episodeReward = 0;
    }

    void onStep(double reward, boolean done) {
        steps++;
        episodeReward += reward;
        if (done) {
            timestamps.add(now());
            episodeLengths.add(steps);
            episodeRewards.add(episodeReward);
        }
    }

    /** Writes the stats and manifest files. */
    void close() throws IOException {
        String statsFile = PREFIX + "episode_batch." + fileInfix + ".stats.json";
        Map<String, Object> stats = new TreeMap<>();
        stats.put("initial_reset_timestamp", initialResetTimestamp);
        stats.put("timestamps", timestamps);
        stats.put("episode_lengths", episodeLengths);
        stats.put("episode_rewards", episodeRewards);
        stats.put("episode_types", Collections.nCopies(episodeLengths.size(), "t"));
        Files.write(directory.resolve(statsFile), GymJson.body(stats));
        Map<String, Object> manifest = new TreeMap<>();
        manifest.put("stats", statsFile);
        manifest.put("videos", List.of());
        manifest.put("env_info", envInfo);
        Files.write(directory.resolve(PREFIX + "manifest." + fileInfix + ".manifest.json"), GymJson.body(manifest));
    }

    /** Seconds since the epoch, like Python's {@code time.time()}. */
    private static double now() {
        return System.currentTimeMillis() / 1000.0;
    }
}
