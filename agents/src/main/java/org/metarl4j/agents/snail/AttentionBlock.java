package org.metarl4j.agents.snail;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * SNAIL's attention block (Mishra et al. 2018, "A Simple Neural Attentive Meta-Learner", ICLR, §3.1, its pseudocode
 * AttentionBlock(K, V)): single-head causal soft attention in the style of Vaswani et al. 2017, its read concatenated
 * to the input. Per sequence, with x_s the input {@code [C]} at step s:
 * <pre>
 *   k_s = x_s W_k + b_k,  q_s = x_s W_q + b_q   [K];   v_s = x_s W_v + b_v   [V]
 *   p_{t,s} = exp(q_t · k_s / √K) / Σ_{u ≤ t} exp(q_t · k_u / √K)   for s ≤ t, 0 for s &gt; t   (causal)
 *   r_t = Σ_{s ≤ t} p_{t,s} v_s                  [V]
 *   out_t = [x_t, r_t]                           [C + V]
 * </pre>
 * Each step attends to itself and its past. Over a whole sequence the mask is additive ({@value #MASKED} above the
 * diagonal, so those probabilities underflow to exactly 0), then a softmax shifted by its row maximum. Stepping one
 * step at a time needs no mask: step t's query meets the keys of steps 0 … t, kept in a cache.
 *
 * <p>Parameter layout ({@link #numParams()}, row-major, from the block's offset): W {@code [C, 2K + V]}, b
 * {@code [2K + V]}; columns 0 … K−1 are the keys', K … 2K−1 the queries', 2K … 2K+V−1 the values'. Initialisation as
 * three PyTorch {@code Linear(C, ·)} layers: every weight and bias U[−1/√C, 1/√C].
 */
public final class AttentionBlock extends ColumnBlock<AttentionBlock.Weights, AttentionBlock.Pass> {
    /** The additive mask on logits a step may not see. */
    static final double MASKED = -1e9;
    private final int inputWidth;
    private final int keySize;
    private final int valueSize;

    /**
     * @param inputWidth C, the input's width
     * @param keySize    K, the width of keys and queries
     * @param valueSize  V, the width of values (the width the block adds)
     */
    public AttentionBlock(int inputWidth, int keySize, int valueSize, DataType dataType) {
        super("attention block", dataType);
        if (inputWidth < 1 || keySize < 1 || valueSize < 1) {
            throw new IllegalArgumentException("attention block sizes must be >= 1, got input " + inputWidth
                    + ", key " + keySize + ", value " + valueSize);
        }
        this.inputWidth = inputWidth;
        this.keySize = keySize;
        this.valueSize = valueSize;
    }

    /** C. */
    public int inputWidth() {
        return inputWidth;
    }

    /** K. */
    public int keySize() {
        return keySize;
    }

    /** V, the width the block adds to its input. */
    public int valueSize() {
        return valueSize;
    }

    /** C + V. */
    public int outputWidth() {
        return inputWidth + valueSize;
    }

    /** (C + 1)(2K + V). */
    public int numParams() {
        return (inputWidth + 1) * width();
    }

    private int width() {
        return 2 * keySize + valueSize;
    }

    /** Fills {@code p[offset … offset + numParams())} with PyTorch's {@code Linear} initialisation, in layout order. */
    public void initialise(double[] p, int offset, SplittableRandom rng) {
        double bound = 1.0 / Math.sqrt(inputWidth);
        for (int i = 0; i < numParams(); i++) {
            p[offset + i] = bound * (2 * rng.nextDouble() - 1);
        }
    }

    /** The parameter blocks as views of a row {@code [1, ≥ offset + numParams()]}. */
    record Weights(INDArray w, INDArray bias) {
    }

    Weights views(INDArray row, int offset) {
        int n = inputWidth * width();
        return new Weights(row.get(all(), interval(offset, offset + n)).reshape('c', inputWidth, width()),
                row.get(all(), interval(offset + n, offset + n + width())));
    }

    /**
     * What the full-sequence pass keeps for backpropagation: B, T, the input {@code [T·B, C]} as given (rows in
     * time-major (t, b) order; a view, not copied: it must not change until the backward pass), keys and queries
     * {@code [B, T, K]}, values {@code [B, T, V]} and the attention probabilities {@code [B, T, T]}.
     */
    record Pass(int batch, int steps, INDArray input, INDArray keys, INDArray queries, INDArray values,
                INDArray probs) {
    }

    /**
     * The reads r_t of B whole sequences of T steps: input {@code [T·B, C]}, rows in time-major (t, b) order (a column
     * block of a wider matrix will do), r written to {@code added} {@code [T·B, V]} (likewise). Attention itself
     * works batch-major ({@code [B, T, ·]}, batched products per sequence).
     */
    Pass forward(Weights w, int b, int t, INDArray input, INDArray added) {
        INDArray kqv = Gemm.product(input, w.w(), false, false).addiRowVector(w.bias())
                .reshape('c', t, b, width()).permute(1, 0, 2);                       // [B, T, 2K + V] view
        INDArray keys = kqv.get(all(), all(), interval(0, keySize)).dup('c');
        INDArray queries = kqv.get(all(), all(), interval(keySize, 2 * keySize)).dup('c');
        INDArray values = kqv.get(all(), all(), interval(2 * keySize, width())).dup('c');
        INDArray logits = Nd4j.matmul(queries, keys, false, true, false).muli(1.0 / Math.sqrt(keySize));
        logits.addi(causalMask(t).reshape(1, t, t));
        INDArray probs = softmaxLastAxis(logits);
        added.assign(TimeMajor.rows(Nd4j.matmul(probs, values), dataType));
        return new Pass(b, t, input, keys, queries, values, probs);
    }

    /** 0 on and below the diagonal, {@value #MASKED} above: row t may see columns 0 … t. */
    private INDArray causalMask(int t) {
        double[] m = new double[t * t];
        for (int i = 0; i < t; i++) {
            for (int j = i + 1; j < t; j++) {
                m[i * t + j] = MASKED;
            }
        }
        return Nd4j.create(m, new long[] {t, t}, dataType);
    }

    /** exp(z − max z) / Σ exp(z − max z) along the last axis, in place. */
    private static INDArray softmaxLastAxis(INDArray logits) {
        int last = logits.rank() - 1;
        INDArray e = Transforms.exp(logits.subi(logits.max(true, last)), false);
        return e.divi(e.sum(true, last));
    }

    /**
     * Backpropagation through the reads: given ∂L/∂r ({@code [T·B, V]}, a column block will do), adds ∂L/∂parameters
     * to {@code grad} and the part of ∂L/∂input that flows through r to {@code dInput} {@code [T·B, C]} (in place).
     */
    void backward(Weights w, Weights grad, Pass p, INDArray dAdded, INDArray dInput) {
        int b = p.batch();
        int t = p.steps();
        INDArray dr = TimeMajor.batchMajor(dAdded.dup('c'), b, t);                  // [B, T, V]
        // r = P V
        INDArray dProbs = Nd4j.matmul(dr, p.values(), false, true, false);          // [B, T, T]
        INDArray dValues = Nd4j.matmul(p.probs(), dr, true, false, false);         // [B, T, V]
        // P = softmax(S) row-wise; masked entries have P = 0 and get none
        INDArray dLogits = dProbs.subi(dProbs.mul(p.probs()).sum(true, 2)).muli(p.probs())
                .muli(1.0 / Math.sqrt(keySize));
        // S = Q Kᵀ / √K
        INDArray dQueries = Nd4j.matmul(dLogits, p.keys());
        INDArray dKeys = Nd4j.matmul(dLogits, p.queries(), true, false, false);
        INDArray dKqv = Gemm.sideBySide(TimeMajor.rows(dKeys, dataType), TimeMajor.rows(dQueries, dataType),
                TimeMajor.rows(dValues, dataType));                                    // [T·B, 2K + V]
        grad.w().addi(Gemm.product(p.input(), dKqv, true, false));
        grad.bias().addi(Gemm.columnSums(dKqv));
        Gemm.into(dKqv, w.w(), dInput, false, true, true);
    }

    /** The keys and values of the steps so far, {@code [B, T_max, K]} and {@code [B, T_max, V]}, filled up to t. */
    record Cache(INDArray keys, INDArray values) {
    }

    Cache cache(int batch, int maxSteps) {
        return new Cache(Nd4j.zeros(dataType, batch, maxSteps, keySize),
                Nd4j.zeros(dataType, batch, maxSteps, valueSize));
    }

    /** One step's query q_t {@code [B, K]}, probabilities p_{t,0…t} {@code [B, 1, t + 1]}, read r_t {@code [B, V]}. */
    record Step(INDArray query, INDArray probs, INDArray read) {
    }

    /**
     * Step t for x_t {@code [B, C]}: stores k_t, v_t in the cache and reads, in O(t) (the past steps' keys and values
     * are not recomputed).
     */
    Step step(Weights w, Cache cache, int t, INDArray x) {
        int b = (int) x.size(0);
        INDArray kqv = x.mmul(w.w()).addiRowVector(w.bias());
        cache.keys().get(all(), point(t), all()).assign(kqv.get(all(), interval(0, keySize)));
        cache.values().get(all(), point(t), all()).assign(kqv.get(all(), interval(2 * keySize, width())));
        INDArray query = kqv.get(all(), interval(keySize, 2 * keySize)).dup('c').reshape('c', b, 1, keySize);
        INDArray keys = cache.keys().get(all(), interval(0, t + 1), all());
        INDArray values = cache.values().get(all(), interval(0, t + 1), all());
        INDArray probs = softmaxLastAxis(Nd4j.matmul(query, keys, false, true, false)
                .muli(1.0 / Math.sqrt(keySize)));                                      // [B, 1, t + 1]
        return new Step(query.reshape('c', b, keySize), probs, Nd4j.matmul(probs, values).reshape('c', b,
                valueSize));
    }

    /**
     * The whole-sequence pass of B sequences of steps 0 … T−1 as {@link #step} computed them: inputs {@code [T·B, C]}
     * time-major (a view that must not change until the backward pass), the cache filled up to T, and each step's
     * values.
     */
    Pass pass(int b, INDArray input, Cache cache, java.util.List<Step> steps) {
        int t = steps.size();
        INDArray probs = Nd4j.zeros(dataType, b, t, t);
        INDArray[] queries = new INDArray[t];
        for (int s = 0; s < t; s++) {
            Step step = steps.get(s);
            queries[s] = step.query();
            probs.get(all(), point(s), interval(0, s + 1)).assign(step.probs().reshape('c', b, s + 1));
        }
        return new Pass(b, t, input, cache.keys().get(all(), interval(0, t), all()).dup('c'), Nd4j.stack(1, queries),
                cache.values().get(all(), interval(0, t), all()).dup('c'), probs);
    }
}
