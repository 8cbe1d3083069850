package org.metarl4j.agents.recurrent;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * A memory-augmented neural network (MANN) with least-recently-used access, Santoro et al. 2016, "Meta-Learning with
 * Memory-Augmented Neural Networks" (ICML) §3.1–3.2: an LSTM controller reads and writes an external memory of N slots
 * of width W through R heads. Functional and batched over B sequences, with exact backpropagation through time.
 *
 * <p>Per sequence, at step t (x_t the input, r_{t−1} the previous reads, σ the logistic function):
 * <pre>
 *   h_t, c_t = LSTM([x_t, r_{t−1}^1 … r_{t−1}^R], h_{t−1}, c_{t−1})     as {@link LstmCore} (PyTorch's equations)
 *   k_t^j = tanh(h_t W_k^j + b_k^j)    key of head j, [W]
 *   a_t^j = σ(h_t w_a^j + b_a^j)       write gate of head j, scalar
 *   w_t^{w,j} = a_t^j w_{t−1}^{r,j} + (1 − a_t^j) w_{t−1}^{lu}                      write weights (§3.2)
 *   M_t = M_{t−1} ⊙ (1 − e_lu) + Σ_j w_t^{w,j} ⊗ k_t^j      e_lu: the row of argmin_i w_{t−1}^u(i), zeroed first
 *   K(k, M_t(i)) = k · M_t(i) / (‖k‖ ‖M_t(i)‖ + ε)                                 cosine similarity (§3.1)
 *   w_t^{r,j}(i) = exp K(k_t^j, M_t(i)) / Σ_l exp K(k_t^j, M_t(l))                 read weights
 *   r_t^j = Σ_i w_t^{r,j}(i) M_t(i)
 *   w_t^u = γ w_{t−1}^u + Σ_j (w_t^{r,j} + w_t^{w,j})                               usage
 *   w_t^{lu}(i) = 1 on the R slots of smallest w_t^u, else 0
 *   output: [h_t, r_t^1 … r_t^R]    ({@link #hiddenSize()} = H + R·W)
 * </pre>
 * The memory is written before it is read, as in the paper. Ties in the argmin and among the R smallest usages go to
 * the lowest slot index ({@link LeastUsedSlots}). ε = 10⁻⁸; the similarities lie in [−1, 1], so the softmax needs no
 * shift.
 *
 * <p>Initial state: h_0 = c_0 = 0, r_0 = 0, w_0^r = 0, w_0^u = 0 (so w_0^{lu} is one-hot on slots 0 … R−1 and the
 * first step zeroes slot 0), and every entry of M_0 equal to 10⁻⁶: a small constant, as common open MANN
 * implementations use, so that no row has zero norm at the start and the cosine similarity is smooth there.
 *
 * <p>Gradients: the masks w^{lu} and e_lu are piecewise constant in the parameters and are treated as constants
 * (exact almost everywhere). The usage w^u only decides those masks, so it carries no gradient. Everything else —
 * keys, gates, cosine similarity, softmax, reads, and the memory contents through time — is differentiated exactly.
 *
 * <p>Parameter layout ({@link #numParams()}): the controller LSTM's block as {@link LstmCore} with input size
 * I + R·W (W_x, W_h, b_x, b_h), then W_k {@code [H, R·W]} (head j in columns jW … (j+1)W − 1), b_k {@code [R·W]},
 * w_a {@code [H, R]}, b_a {@code [R]}, all row-major. Initialisation: every entry U[−1/√H, 1/√H], drawn in layout
 * order, like the other cores.
 *
 * <p>Defaults for RL² ({@link #MannCore(int, DataType)}): H = 64, N = 32, W = 16, R = 1, γ = 0.95. Untuned
 * starting points, smaller than the paper's Omniglot memory: RL²'s inputs (observation, previous action, reward, done)
 * are low-dimensional, so 16 numbers per slot suffice; 32 slots keep a few dozen recent writes apart, beyond what a
 * 64-unit LSTM holds; one head keeps the memory step's cost (∝ B·N·W·R) near the controller's.
 */
public final class MannCore implements RecurrentCore {
    public static final int DEFAULT_CONTROLLER_SIZE = 64;
    public static final int DEFAULT_SLOTS = 32;
    public static final int DEFAULT_WIDTH = 16;
    public static final int DEFAULT_HEADS = 1;
    public static final double DEFAULT_USAGE_DECAY = 0.95;
    /** ε in the cosine similarity's denominator. */
    static final double EPSILON = 1e-8;
    /** Every entry of the initial memory M_0. */
    static final double INITIAL_MEMORY = 1e-6;

    private final int inputSize;
    private final int controllerSize;
    private final int slots;
    private final int width;
    private final int heads;
    private final double usageDecay;
    private final DataType dataType;
    /** The controller: its layout, weights, step and one-step backward (the reads' gradient comes from dGates). */
    private final LstmCore controller;

    /** With the defaults for RL² (see the class comment). */
    public MannCore(int inputSize, DataType dataType) {
        this(inputSize, DEFAULT_CONTROLLER_SIZE, DEFAULT_SLOTS, DEFAULT_WIDTH, DEFAULT_HEADS, DEFAULT_USAGE_DECAY,
                dataType);
    }

    /**
     * @param controllerSize H, the controller LSTM's hidden size
     * @param slots          N, memory rows
     * @param width          W, memory columns
     * @param heads          R, read heads (each with its key and write gate)
     * @param usageDecay     γ in [0, 1]
     */
    public MannCore(int inputSize, int controllerSize, int slots, int width, int heads, double usageDecay,
                    DataType dataType) {
        if (inputSize < 1 || controllerSize < 1 || slots < 1 || width < 1 || heads < 1) {
            throw new IllegalArgumentException("MANN sizes must be >= 1, got input " + inputSize + ", controller "
                    + controllerSize + ", slots " + slots + ", width " + width + ", heads " + heads);
        }
        if (heads > slots) {
            throw new IllegalArgumentException("MANN needs at least as many memory slots as heads (w^lu marks R "
                    + "least-used slots), got " + slots + " slots for " + heads + " heads");
        }
        if (!(usageDecay >= 0 && usageDecay <= 1)) {
            throw new IllegalArgumentException("MANN usage decay γ must be in [0, 1], got " + usageDecay);
        }
        if (!dataType.isFPType()) {
            throw new IllegalArgumentException("MANN needs a floating-point data type, got " + dataType);
        }
        this.inputSize = inputSize;
        this.controllerSize = controllerSize;
        this.slots = slots;
        this.width = width;
        this.heads = heads;
        this.usageDecay = usageDecay;
        this.dataType = dataType;
        this.controller = new LstmCore(inputSize + heads * width, controllerSize, dataType);
    }

    @Override
    public String name() {
        return "MANN";
    }

    @Override
    public int inputSize() {
        return inputSize;
    }

    /** H + R·W: the controller's output and the R reads. */
    @Override
    public int hiddenSize() {
        return controllerSize + heads * width;
    }

    @Override
    public int numParams() {
        return controller.numParams() + controllerSize * (heads * width + heads) + heads * width + heads;
    }

    /** Every entry U[−1/√H, 1/√H], in layout order. */
    @Override
    public double[] initialParameters(SplittableRandom rng) {
        double bound = 1.0 / Math.sqrt(controllerSize);
        double[] p = new double[numParams()];
        for (int i = 0; i < p.length; i++) {
            p[i] = bound * (2 * rng.nextDouble() - 1);
        }
        return p;
    }

    /** The parameter blocks: the controller's, then the heads' (views of one copy). */
    record Weights(GatedCore.Weights lstm, INDArray wk, INDArray bk, INDArray wa, INDArray ba) {
    }

    Weights weights(INDArray flat) {
        if (flat.length() != numParams()) {
            throw new IllegalArgumentException("MANN parameters must have " + numParams() + " entries, got "
                    + flat.length());
        }
        INDArray row = flat.castTo(dataType).dup('c').reshape(1, numParams());
        int o = controller.numParams();
        GatedCore.Weights lstm = controller.weights(row.get(all(), interval(0, o)));
        int keys = heads * width;
        INDArray wk = row.get(all(), interval(o, o + controllerSize * keys)).reshape('c', controllerSize, keys);
        o += controllerSize * keys;
        INDArray bk = row.get(all(), interval(o, o + keys));
        o += keys;
        INDArray wa = row.get(all(), interval(o, o + controllerSize * heads)).reshape('c', controllerSize, heads);
        o += controllerSize * heads;
        return new Weights(lstm, wk, bk, wa, row.get(all(), interval(o, o + heads)));
    }

    /**
     * The recurrent state after a step: controller h, c {@code [B, H]}, reads r {@code [B, R·W]}, memory M
     * {@code [B, N, W]}, read weights w^r {@code [B, R, N]}, usage w^u {@code [B, N]} and the masks it gives.
     */
    private record State(INDArray h, INDArray c, INDArray reads, INDArray memory, INDArray readWeights,
                         INDArray usage, LeastUsedSlots leastUsed) {
    }

    /**
     * The memory access's values at one step: keys {@code [B, R, W]}, gates {@code [B, R]}, write weights
     * {@code [B, R, N]}, memory {@code [B, N, W]}, norms ‖k‖ {@code [B, R, 1]} and ‖M(i)‖ {@code [B, 1, N]}, the
     * similarity's denominator and value {@code [B, R, N]}, read weights {@code [B, R, N]}.
     */
    private record Access(INDArray keys, INDArray gates, INDArray writeWeights, INDArray memory, INDArray keyNorm,
                          INDArray rowNorm, INDArray denominator, INDArray similarity, INDArray readWeights) {
    }

    /** One step: the state it started from, its values, the state it ends in. */
    private record Step(State before, LstmCore.Step controller, Access access, State after) {
    }

    private State initialState(int batch) {
        INDArray usage = Nd4j.zeros(dataType, batch, slots);
        return new State(Nd4j.zeros(dataType, batch, controllerSize), Nd4j.zeros(dataType, batch, controllerSize),
                Nd4j.zeros(dataType, batch, heads * width),
                Nd4j.valueArrayOf(new long[] {batch, slots, width}, INITIAL_MEMORY, dataType),
                Nd4j.zeros(dataType, batch, heads, slots), usage, LeastUsedSlots.of(usage, heads, dataType));
    }

    private Access access(Weights w, INDArray h, State s) {
        int b = (int) h.size(0);
        INDArray keys = Transforms.tanh(h.mmul(w.wk()).addiRowVector(w.bk()), false).reshape('c', b, heads, width);
        INDArray gates = Transforms.sigmoid(h.mmul(w.wa()).addiRowVector(w.ba()), false);
        INDArray leastUsed = s.leastUsed().leastUsed().reshape(b, 1, slots);
        // w^w = a w^r + (1 − a) w^lu = a (w^r − w^lu) + w^lu
        INDArray writeWeights = s.readWeights().sub(leastUsed).muli(gates.reshape(b, heads, 1)).addi(leastUsed);
        INDArray memory = s.memory().mul(s.leastUsed().keep().reshape(b, slots, 1))
                .addi(Nd4j.matmul(writeWeights, keys, true, false, false));
        INDArray keyNorm = keys.norm2(true, 2);
        INDArray rowNorm = memory.norm2(true, 2).reshape(b, 1, slots);
        INDArray denominator = keyNorm.mul(rowNorm).addi(EPSILON);
        INDArray similarity = Nd4j.matmul(keys, memory, false, true, false).divi(denominator);
        INDArray readWeights = Transforms.exp(similarity, true);
        readWeights.divi(readWeights.sum(true, 2));
        return new Access(keys, gates, writeWeights, memory, keyNorm, rowNorm, denominator, similarity, readWeights);
    }

    private Step step(Weights w, INDArray x, State s) {
        LstmCore.Step ctl = controller.step(w.lstm(), Nd4j.hstack(x, s.reads()), s.h(), s.c()); // xc = [x, r_{t−1}]
        Access a = access(w, ctl.h(), s);
        int b = (int) x.size(0);
        INDArray reads = Nd4j.matmul(a.readWeights(), a.memory()).reshape('c', b, heads * width);
        INDArray usage = s.usage().mul(usageDecay).addi(a.readWeights().sum(1)).addi(a.writeWeights().sum(1));
        State after = new State(ctl.h(), ctl.c(), reads, a.memory(), a.readWeights(), usage,
                LeastUsedSlots.of(usage, heads, dataType));
        return new Step(s, ctl, a, after);
    }

    @Override
    public Sequence start(INDArray flat, int batch, boolean keepHistory) {
        Weights w = weights(flat);
        return new Sequence() {
            private final List<Step> steps = new ArrayList<>();
            private State state = initialState(batch);

            @Override
            public INDArray step(INDArray x) {
                Step s = MannCore.this.step(w, x, state);
                if (keepHistory) {
                    steps.add(s);
                }
                state = s.after();
                return Nd4j.hstack(state.h(), state.reads());
            }

            @Override
            public INDArray backward(List<INDArray> dh) {
                if (!keepHistory) {
                    throw new IllegalStateException("this sequence was started without history");
                }
                return MannCore.this.backward(w, steps, dh);
            }
        };
    }

    private INDArray backward(Weights w, List<Step> steps, List<INDArray> dOut) {
        int hs = controllerSize;
        int keys = heads * width;
        INDArray dWx = Nd4j.zeros(dataType, controller.inputSize(), 4 * hs);
        INDArray dWh = Nd4j.zeros(dataType, hs, 4 * hs);
        INDArray db = Nd4j.zeros(dataType, 1, 4 * hs);
        INDArray dWk = Nd4j.zeros(dataType, hs, keys);
        INDArray dbk = Nd4j.zeros(dataType, 1, keys);
        INDArray dWa = Nd4j.zeros(dataType, hs, heads);
        INDArray dba = Nd4j.zeros(dataType, 1, heads);
        // ∂L/∂ (h_t, c_t, r_t, M_t, w_t^r) flowing back from step t+1
        INDArray hCarry = null;
        INDArray cCarry = null;
        INDArray readsCarry = null;
        INDArray memoryCarry = null;
        INDArray readWeightsCarry = null;
        for (int t = steps.size() - 1; t >= 0; t--) {
            Step st = steps.get(t);
            State s = st.before();
            LstmCore.Step ctl = st.controller();
            Access a = st.access();
            int b = (int) ctl.h().size(0);
            INDArray out = dOut.get(t) == null ? Nd4j.zeros(dataType, b, hiddenSize()) : dOut.get(t);
            INDArray dh = out.get(all(), interval(0, hs)).dup();
            INDArray dReads = out.get(all(), interval(hs, hs + keys)).dup();
            if (hCarry != null) {
                dh.addi(hCarry);
                dReads.addi(readsCarry);
            }
            dReads = dReads.reshape('c', b, heads, width);
            // r = w^r M
            INDArray dReadWeights = Nd4j.matmul(dReads, a.memory(), false, true, false);
            INDArray dMemory = Nd4j.matmul(a.readWeights(), dReads, true, false, false);
            if (memoryCarry != null) {
                dReadWeights.addi(readWeightsCarry);
                dMemory.addi(memoryCarry);
            }
            // w^r = softmax over slots of K
            INDArray dSim = dReadWeights.sub(a.readWeights().mul(dReadWeights).sum(true, 2)).muli(a.readWeights());
            // K = dot / den, den = ‖k‖ ‖M(i)‖ + ε
            INDArray dDot = dSim.div(a.denominator());
            INDArray dDen = dSim.mul(a.similarity()).divi(a.denominator()).negi();
            INDArray dKeyNorm = dDen.mul(a.rowNorm()).sum(true, 2);                          // [B, R, 1]
            INDArray dRowNorm = dDen.mul(a.keyNorm()).sum(true, 1).reshape(b, slots, 1);     // [B, N, 1]
            INDArray dKeys = Nd4j.matmul(dDot, a.memory());
            dMemory.addi(Nd4j.matmul(dDot, a.keys(), true, false, false));
            dKeys.addi(a.keys().mul(dKeyNorm.divi(safe(a.keyNorm()))));
            dMemory.addi(a.memory().mul(dRowNorm.divi(safe(a.rowNorm().reshape(b, slots, 1)))));
            // M = M_{t−1} ⊙ (1 − e_lu) + Σ_j w^{w,j} ⊗ k^j
            INDArray dWriteWeights = Nd4j.matmul(a.keys(), dMemory, false, true, false);
            dKeys.addi(Nd4j.matmul(a.writeWeights(), dMemory));
            memoryCarry = dMemory.muli(s.leastUsed().keep().reshape(b, slots, 1));
            // w^w = a (w_{t−1}^r − w^lu) + w^lu
            INDArray leastUsed = s.leastUsed().leastUsed().reshape(b, 1, slots);
            INDArray dGates = dWriteWeights.mul(s.readWeights().sub(leastUsed)).sum(2);     // [B, R]
            readWeightsCarry = dWriteWeights.muli(a.gates().reshape(b, heads, 1));
            // k = tanh(h W_k + b_k), a = σ(h w_a + b_a)
            INDArray dzk = dKeys.reshape('c', b, keys).muli(a.keys().reshape('c', b, keys).mul(a.keys()
                    .reshape('c', b, keys)).rsubi(1.0));
            INDArray dza = dGates.muli(a.gates().mul(a.gates().rsub(1.0)));
            dWk.addi(ctl.h().transpose().mmul(dzk));
            dbk.addi(dzk.sum(true, 0));
            dWa.addi(ctl.h().transpose().mmul(dza));
            dba.addi(dza.sum(true, 0));
            dh.addi(dzk.mmul(w.wk().transpose())).addi(dza.mmul(w.wa().transpose()));
            // the controller LSTM
            LstmCore.StepGradient g = controller.backward(w.lstm(), ctl, dh, cCarry);
            dWx.addi(ctl.x().transpose().mmul(g.dGates()));
            dWh.addi(s.h().transpose().mmul(g.dGates()));
            db.addi(g.dGates().sum(true, 0));
            hCarry = g.dhPrev();
            cCarry = g.dcPrev();
            readsCarry = g.dGates().mmul(w.lstm().wx().transpose()).get(all(), interval(inputSize, inputSize + keys));
        }
        // b_x and b_h enter identically: the same gradient for both
        return Nd4j.concat(1, dWx.reshape(1, -1), dWh.reshape(1, -1), db, db.dup(), dWk.reshape(1, -1), dbk,
                dWa.reshape(1, -1), dba).reshape(-1);
    }

    /** A norm with its zeros replaced by 1: where ‖v‖ = 0, v = 0 and the (sub)gradient v/‖v‖ is taken as 0. */
    private INDArray safe(INDArray norm) {
        return norm.add(norm.eq(0).castTo(dataType));
    }
}
