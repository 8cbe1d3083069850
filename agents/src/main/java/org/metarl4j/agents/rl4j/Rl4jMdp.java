package org.metarl4j.agents.rl4j;

import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.deeplearning4j.gym.StepReply;
import org.deeplearning4j.rl4j.mdp.MDP;
import org.deeplearning4j.rl4j.space.DiscreteSpace;
import org.metarl4j.envs.Env;
import org.metarl4j.envs.space.Discrete;
import org.metarl4j.envs.space.Space;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs one of our {@link Env}s under RL4J: implements RL4J's {@link MDP}{@code <Rl4jObservation, Integer,
 * DiscreteSpace>} (rl4j-api 1.0.0-M1.1), so RL4J learners such as {@code QLearningDiscreteDense} (DQN) and
 * {@code A3CDiscreteDense} can train on it and their policies can {@code play} it.
 *
 * <ul>
 *   <li>Actions: RL4J supports discrete actions only, so the env's action space must be {@link Discrete}{@code (n)};
 *       it becomes {@link DiscreteSpace}{@code (n)} and action {@code k} is passed to the env as the number k.</li>
 *   <li>Observations: {@link Rl4jObservation}s of the env's observation shape ({@link Rl4jObservationSpace});
 *       a {@link Discrete} observation is one-hot encoded.</li>
 *   <li>{@link #reset()}: each reset draws a fresh {@link SplittableRandom#split() split} from one generator seeded
 *       with the adapter's seed and resets the env with it, so a given seed reproduces the whole sequence of episodes
 *       (for deterministic policies; RL4J's exploration has its own seed in its configuration).</li>
 *   <li>{@link #step(Integer)}: {@code env.step}; the reply's {@code done} is {@code terminated || truncated}, and its
 *       info is a map with {@code "terminated"}, {@code "truncated"} and {@code "elapsedSteps"}. RL4J M1.1 does not
 *       tell the two apart: it treats a time-limit truncation as a terminal state (no bootstrapping).</li>
 *   <li>{@link #newInstance()}: a new adapter over a new env from the same {@link Supplier} (A3C makes one per
 *       worker). Its seed is the next draw of a second generator seeded from this adapter's seed, so instances made in
 *       the same order get the same seeds.</li>
 * </ul>
 * Not thread-safe, like the env it wraps; RL4J uses each instance from one thread.
 *
 * @param <E> the env type, so callers keep typed access through {@link #env()} (e.g. to {@code setTask})
 */
public final class Rl4jMdp<E extends Env<?>> implements MDP<Rl4jObservation, Integer, DiscreteSpace> {
    /** Decorrelates the stream of child seeds from the stream of reset generators. */
    private static final long INSTANCE_SEED_SALT = 0x5DEECE66DL;

    private final Supplier<? extends E> envFactory;
    private final long seed;
    private final E env;
    private final SplittableRandom resets;
    private final SplittableRandom instanceSeeds;
    private final Rl4jObservationSpace observationSpace;
    private final DiscreteSpace actionSpace;
    private final int numActions;
    private final int[] obsShape;
    private final int oneHotSize;
    private final double[] action = new double[1];
    private final double[] obs;
    private boolean done = true;
    private boolean closed;

    /**
     * Makes an env from {@code envFactory} and wraps it.
     *
     * @param envFactory makes the env now and one more for every {@link #newInstance()}; each call must return a new,
     *     independent env
     * @param seed seeds the generator whose splits reset the env
     * @throws IllegalArgumentException if the env's action space is not {@link Discrete} (the env is then closed)
     */
    public Rl4jMdp(Supplier<? extends E> envFactory, long seed) {
        this.envFactory = Objects.requireNonNull(envFactory, "envFactory");
        this.seed = seed;
        this.env = Objects.requireNonNull(envFactory.get(), "envFactory returned null");
        Space actions = env.actionSpace();
        if (!(actions instanceof Discrete discrete)) {
            env.close();
            throw new IllegalArgumentException("RL4J supports discrete actions only; " + env.id() + " has "
                    + actions);
        }
        this.numActions = discrete.n();
        this.resets = new SplittableRandom(seed);
        this.instanceSeeds = new SplittableRandom(seed ^ INSTANCE_SEED_SALT);
        Space observations = env.observationSpace();
        this.observationSpace = new Rl4jObservationSpace(env.id(), observations);
        this.obsShape = observationSpace.getShape();
        this.oneHotSize = observations instanceof Discrete d ? d.n() : 0;
        this.obs = new double[observations.flatDim()];
        // RL4J's DiscreteSpace draws randomAction() from this generator; seed it too.
        this.actionSpace = new DiscreteSpace(numActions, Nd4j.getRandomFactory().getNewRandomInstance(seed));
    }

    /** Same as the constructor. */
    public static <E extends Env<?>> Rl4jMdp<E> of(Supplier<? extends E> envFactory, long seed) {
        return new Rl4jMdp<>(envFactory, seed);
    }

    /** The wrapped env. */
    public E env() {
        return env;
    }

    /** The seed this adapter was made with. */
    public long seed() {
        return seed;
    }

    @Override
    public Rl4jObservationSpace getObservationSpace() {
        return observationSpace;
    }

    @Override
    public DiscreteSpace getActionSpace() {
        return actionSpace;
    }

    /** Starts an episode with the next split of the seeded generator and returns its first observation. */
    @Override
    public Rl4jObservation reset() {
        checkOpen();
        env.resetInto(resets.split(), obs, 0);
        done = false;
        return observation();
    }

    /**
     * Applies action {@code action} (0 ≤ action &lt; n).
     *
     * @throws IllegalArgumentException for a null or out-of-range action
     * @throws IllegalStateException before {@link #reset()}, after the episode ended, or after {@link #close()}
     */
    @Override
    public StepReply<Rl4jObservation> step(Integer action) {
        checkOpen();
        if (action == null || action < 0 || action >= numActions) {
            throw new IllegalArgumentException(env.id() + ": action " + action + " is not in DiscreteSpace("
                    + numActions + ")");
        }
        this.action[0] = action;
        double reward = env.stepInto(this.action, 0, obs, 0);
        boolean terminated = env.terminated();
        boolean truncated = env.truncated();
        done = terminated || truncated;
        Map<String, Object> info = Map.of("terminated", terminated, "truncated", truncated,
                "elapsedSteps", env.elapsedSteps());
        return new StepReply<>(observation(), reward, done, info);
    }

    /** Whether no episode is running: true before the first reset and after a terminal or truncated step. */
    @Override
    public boolean isDone() {
        return done;
    }

    /** Closes the env; later calls to reset or step throw. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            done = true;
            env.close();
        }
    }

    /** A new adapter over a new env from the same factory, seeded by this adapter's stream of child seeds. */
    @Override
    public Rl4jMdp<E> newInstance() {
        long childSeed;
        synchronized (instanceSeeds) {
            childSeed = instanceSeeds.nextLong();
        }
        return new Rl4jMdp<>(envFactory, childSeed);
    }

    private Rl4jObservation observation() {
        if (oneHotSize > 0) {
            double[] oneHot = new double[oneHotSize];
            oneHot[(int) obs[0]] = 1.0;
            return new Rl4jObservation(oneHot, obsShape);
        }
        return new Rl4jObservation(obs, obsShape);
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException(env.id() + ": this RL4J adapter is closed");
        }
    }

    @Override
    public String toString() {
        return "Rl4jMdp(" + env.id() + ", seed=" + seed + ")";
    }
}
