package org.metarl4j.experiments.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.metarl4j.agents.BlasKernels;
import org.metarl4j.agents.Nd4jThreads;
import org.metarl4j.agents.policy.Activation;
import org.metarl4j.agents.policy.GaussianMlpPolicy;
import org.metarl4j.agents.policy.MlpShape;
import org.metarl4j.agents.policy.PolicyEvaluation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The tensor work of MAML-TRPO on 2D navigation, one call over a whole meta-batch: T = 20 tasks with their own
 * parameters, N = 2000 samples each, Gaussian MLP 2-64-64-2 (tanh), float32, one ND4J thread.
 * Run: {@code java -jar experiments/target/metarl4j.jar bench PolicyBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@State(Scope.Thread)
public class PolicyBenchmark {
    private static final int TASKS = 20;
    private static final int SAMPLES = 2000;
    private GaussianMlpPolicy policy;
    private INDArray params;
    private INDArray observations;
    private INDArray actions;
    private INDArray weights;
    private INDArray direction;
    private PolicyEvaluation evaluation;
    private PolicyEvaluation.Hessian hessian;

    @Setup(Level.Trial)
    public void setUp() {
        BlasKernels.selectBeforeNd4jLoads(); // the forked JVM has not loaded ND4J yet
        Nd4jThreads.configure();
        policy = new GaussianMlpPolicy(MlpShape.of(2, new int[] {64, 64}, 2, Activation.TANH), DataType.FLOAT);
        SplittableRandom rng = new SplittableRandom(1);
        double[][] rows = new double[TASKS][];
        for (int i = 0; i < TASKS; i++) {
            rows[i] = policy.initialParameters(rng);
        }
        params = Nd4j.create(rows).castTo(DataType.FLOAT);
        Nd4j.getRandom().setSeed(1);
        observations = Nd4j.rand(DataType.FLOAT, TASKS, SAMPLES, 2);
        actions = Nd4j.randn(DataType.FLOAT, TASKS, SAMPLES, 2);
        weights = Nd4j.randn(DataType.FLOAT, TASKS, SAMPLES);
        direction = Nd4j.randn(DataType.FLOAT, TASKS, policy.numParams());
        evaluation = policy.evaluate(params, observations, actions);
        hessian = evaluation.hessian(weights);
    }

    /** A forward pass and the log-likelihood sum, its memory freed afterwards as the trainer does. */
    @Benchmark
    public double evaluateAndLogProb() {
        try (PolicyEvaluation e = policy.evaluate(params, observations, actions)) {
            return e.logProb().sumNumber().doubleValue();
        }
    }

    @Benchmark
    public INDArray gradient() {
        return evaluation.gradient(weights);
    }

    /** Building the Hessian operator: the direction-independent backward pass, once per weights. */
    @Benchmark
    public PolicyEvaluation.Hessian hessianOperator() {
        return evaluation.hessian(weights);
    }

    /** One product with a built operator: what each conjugate-gradient iteration pays (twice). */
    @Benchmark
    public INDArray hessianVector() {
        return hessian.times(direction);
    }

    @Benchmark
    public INDArray fisherVector() {
        return evaluation.fisherVector(weights, direction);
    }
}
