package org.metarl4j.agents.snail;

import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.interval;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.metarl4j.agents.recurrent.RecurrentCore;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * SNAIL, the simple neural attentive meta-learner (Mishra et al. 2018, "A Simple Neural Attentive Meta-Learner",
 * ICLR), as the memory of an RL² policy: an optional input projection (a linear layer of width F) followed by a stack
 * of {@link TcBlock}s and {@link AttentionBlock}s, every block appending its columns to its input (dense
 * concatenation), so the output at step t is
 * <pre>
 *   h_t = [z_t, added columns of block 1, …, added columns of block n]      z_t = x_t W_in + b_in  (or x_t)
 * </pre>
 * and {@link #hiddenSize()} = F + Σ added widths. Everything is causal: h_t depends on x_0 … x_t only. As in the
 * paper's reinforcement-learning experiments, the state runs across the episodes of a trial; the trial length
 * T = {@code maxSteps} sets the TC blocks' depth (⌈log₂ T⌉ dense blocks each) and stepping past it is an error.
 *
 * <p><b>Stepping</b> ({@link Sequence#step}) does not recompute the prefix. Since every block's input is a prefix of
 * h, one ring buffer holds, for the last R_max steps, the columns of h the dense blocks read (R_max the largest
 * dilation &lt; T, width the widest such block's input); a dense block of dilation R reads step t − R's prefix from it,
 * O(1) per step. Each attention block caches its keys and values {@code [B, T, ·]}; step t computes only k_t, q_t,
 * v_t and attends over the t + 1 cached keys, O(t). Nothing else is kept without {@code keepHistory}. With it, each
 * step's input and output and the blocks' intermediate values (gates, queries, attention probabilities) are kept as
 * well, and {@link Sequence#backward} assembles them into whole-sequence tensors (nothing is recomputed) and
 * backpropagates through all the steps at once, exactly, with batched matrix products. Stepping reuses one step
 * buffer and its views (acting allocates nothing per block).
 *
 * <p><b>Training</b> ({@link #unrollAll}, and {@link #outputs}) knows the whole trial, so it runs it in one pass
 * instead of T steps of many small operations: the features of all steps form one time-major matrix
 * {@code [T·B, H]} (rows in (t, b) order), each block reads its input columns and writes its added columns in place
 * ({@link Gemm}), a dense block of dilation R is two matrix products (its older tap over the rows R·B up), attention
 * uses an additive causal mask; backpropagation accumulates ∂L/∂input into the same layout. Its numbers are
 * stepping's up to floating-point rounding.
 *
 * <p><b>Parameter layout</b> ({@link #numParams()}, one flat vector, row-major blocks): W_in {@code [I, F]}, b_in
 * {@code [F]} (absent without projection), then every dense block (the TC blocks expanded in order of dilation) and
 * attention block in stack order, each in its own layout ({@link DenseBlock}: W^lag, W^now {@code [C, 2D]}, b
 * {@code [2D]}; {@link AttentionBlock}: W {@code [C, 2K + V]}, b {@code [2K + V]}).
 *
 * <p><b>Initialisation</b>: PyTorch's defaults — the projection as {@code Linear(I, F)} (U[−1/√I, 1/√I]), dense blocks
 * as {@code Conv1d} (U[−1/√(2C), 1/√(2C)]), attention maps as {@code Linear(C, ·)} (U[−1/√C, 1/√C]) — drawn in layout
 * order.
 */
public final class SnailCore implements RecurrentCore {

    /** One stage of the stack above the input projection. */
    public sealed interface Layer permits Tc, Attention {
    }

    /** TCBlock(T, D): ⌈log₂ T⌉ dense blocks of D filters, T the core's {@code maxSteps}. */
    public record Tc(int filters) implements Layer {
    }

    /** AttentionBlock(K, V). */
    public record Attention(int keySize, int valueSize) implements Layer {
    }

    private final int inputSize;
    private final int maxSteps;
    private final int projection;
    private final List<Layer> layers;
    private final DataType dataType;
    /** The expanded blocks ({@link DenseBlock} or {@link AttentionBlock}) in stack order. */
    private final List<Object> blocks;
    /** Each block's first parameter. */
    private final int[] offsets;
    private final int hiddenSize;
    private final int numParams;
    /** R_max: the largest dilation below maxSteps (0: no dense block ever reads the past). */
    private final int ringLength;
    /** The widest input among the dense blocks that read the past. */
    private final int ringWidth;

    /**
     * @param inputSize  I
     * @param maxSteps   T, the longest trial (in steps) the core will be stepped through
     * @param projection F, the width of the input projection, or 0 for none (the blocks read x itself)
     * @param layers     the stack above it
     */
    public SnailCore(int inputSize, int maxSteps, int projection, List<Layer> layers, DataType dataType) {
        if (inputSize < 1 || maxSteps < 1 || projection < 0) {
            throw new IllegalArgumentException("SNAIL needs inputSize >= 1, maxSteps >= 1 and projection >= 0, got "
                    + inputSize + ", " + maxSteps + ", " + projection);
        }
        if (!dataType.isFPType()) {
            throw new IllegalArgumentException("SNAIL needs a floating-point data type, got " + dataType);
        }
        this.inputSize = inputSize;
        this.maxSteps = maxSteps;
        this.projection = projection;
        this.layers = List.copyOf(layers);
        this.dataType = dataType;
        List<Object> list = new ArrayList<>();
        int width = projection > 0 ? projection : inputSize;
        for (Layer layer : this.layers) {
            if (layer instanceof Tc tc) {
                TcBlock block = new TcBlock(width, maxSteps, tc.filters(), dataType);
                list.addAll(block.denseBlocks());
                width = block.outputWidth();
            } else if (layer instanceof Attention a) {
                AttentionBlock block = new AttentionBlock(width, a.keySize(), a.valueSize(), dataType);
                list.add(block);
                width = block.outputWidth();
            }
        }
        this.blocks = List.copyOf(list);
        this.hiddenSize = width;
        this.offsets = new int[blocks.size()];
        int o = projection * (inputSize + 1);
        int ring = 0;
        int ringCols = 0;
        for (int i = 0; i < blocks.size(); i++) {
            offsets[i] = o;
            Object block = blocks.get(i);
            if (block instanceof DenseBlock d) {
                o += d.numParams();
                if (d.dilation() < maxSteps) {
                    ring = Math.max(ring, d.dilation());
                    ringCols = Math.max(ringCols, d.inputWidth());
                }
            } else {
                o += ((AttentionBlock) block).numParams();
            }
        }
        this.numParams = o;
        this.ringLength = ring;
        this.ringWidth = ringCols;
    }

    /**
     * The architecture of the paper's multi-armed bandit and tabular MDP experiments (its appendix on the RL
     * experiments): a linear layer of 32 units, TCBlock(T, 32), TCBlock(T, 32), AttentionBlock(32, 32). The paper
     * gives the value function its own smaller network on the same linear layer (TCBlock(T, 16), TCBlock(T, 16),
     * AttentionBlock(16, 16)); here, as in RL², the policy and value heads of
     * {@link org.metarl4j.agents.recurrent.Rl2Policy} share this core.
     *
     * @param maxSteps T, the trial length in steps (n pulls for bandits, n episodes × 10 for the tabular MDPs)
     */
    public static SnailCore forBanditsAndMdps(int inputSize, int maxSteps, DataType dataType) {
        return new SnailCore(inputSize, maxSteps, 32, List.of(new Tc(32), new Tc(32), new Attention(32, 32)),
                dataType);
    }

    /**
     * A stack for continuous control: a linear layer of 32 units, TCBlock(T, 16), TCBlock(T, 16),
     * AttentionBlock(32, 32). Unlike {@link #forBanditsAndMdps}, these sizes have not been checked against the text of
     * the paper's appendix (continuous control): treat them as a starting point, not as the paper's.
     *
     * @param maxSteps T, the trial length in steps (episodes × horizon)
     */
    public static SnailCore forContinuousControl(int inputSize, int maxSteps, DataType dataType) {
        return new SnailCore(inputSize, maxSteps, 32, List.of(new Tc(16), new Tc(16), new Attention(32, 32)),
                dataType);
    }

    @Override
    public String name() {
        return "SNAIL";
    }

    @Override
    public int inputSize() {
        return inputSize;
    }

    /** F (or I without projection) plus the columns every block adds. */
    @Override
    public int hiddenSize() {
        return hiddenSize;
    }

    @Override
    public int numParams() {
        return numParams;
    }

    /** T: the most steps a sequence may take. */
    public int maxSteps() {
        return maxSteps;
    }

    /** F, or 0 without input projection. */
    public int projection() {
        return projection;
    }

    public List<Layer> layers() {
        return layers;
    }

    /** The expanded blocks in stack order, each a {@link DenseBlock} or an {@link AttentionBlock}. */
    public List<Object> blocks() {
        return blocks;
    }

    /** PyTorch's default initialisation of every layer (see the class comment), drawn in layout order. */
    @Override
    public double[] initialParameters(SplittableRandom rng) {
        double[] p = new double[numParams];
        double bound = 1.0 / Math.sqrt(inputSize);
        for (int i = 0; i < projection * (inputSize + 1); i++) {
            p[i] = bound * (2 * rng.nextDouble() - 1);
        }
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i) instanceof DenseBlock d) {
                d.initialise(p, offsets[i], rng);
            } else {
                ((AttentionBlock) blocks.get(i)).initialise(p, offsets[i], rng);
            }
        }
        return p;
    }

    /** The parameters as views of one row: the projection's, then each block's (in that block's own record). */
    record Weights(INDArray projection, INDArray projectionBias, List<Object> blocks) {
    }

    private Weights views(INDArray row) {
        INDArray w = null;
        INDArray b = null;
        if (projection > 0) {
            w = row.get(all(), interval(0, inputSize * projection)).reshape('c', inputSize, projection);
            b = row.get(all(), interval(inputSize * projection, (inputSize + 1) * projection));
        }
        List<Object> list = new ArrayList<>(blocks.size());
        for (int i = 0; i < blocks.size(); i++) {
            list.add(blocks.get(i) instanceof DenseBlock d ? d.views(row, offsets[i])
                    : ((AttentionBlock) blocks.get(i)).views(row, offsets[i]));
        }
        return new Weights(w, b, list);
    }

    private INDArray row(INDArray flat) {
        if (flat.length() != numParams) {
            throw new IllegalArgumentException("SNAIL parameters must have " + numParams + " entries, got "
                    + flat.length());
        }
        return flat.castTo(dataType).dup('c').reshape(1, numParams);
    }

    /**
     * The whole-sequence pass of B sequences of T steps: the inputs {@code [T·B, I]}, every step's output h as the rows
     * of {@code features} {@code [T·B, H]} in time-major (t, b) order (each block reads and writes column blocks of it
     * in place; step t's rows are contiguous), and what each block keeps for backpropagation.
     */
    record Pass(int batch, int steps, INDArray inputs, INDArray features, List<Object> blocks) {
        /** Step t's h {@code [B, H]} (a view). */
        INDArray step(int t) {
            return features.get(interval((long) t * batch, (long) (t + 1) * batch), all());
        }
    }

    /** The pass over inputs {@code [T·B, I]} (rows in (t, b) order) of B sequences of T steps. */
    Pass forward(Weights w, int b, int t, INDArray inputs) {
        long n = (long) t * b;
        INDArray features = Nd4j.createUninitialized(dataType, n, hiddenSize); // every column is written below
        INDArray x = inputs.castTo(dataType);
        if (projection > 0) {
            INDArray z = features.get(all(), interval(0, projection));
            Gemm.into(x, w.projection(), z, false, false, false);
            z.addiRowVector(w.projectionBias());
        } else {
            features.get(all(), interval(0, inputSize)).assign(x);
        }
        List<Object> passes = new ArrayList<>(blocks.size());
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i) instanceof DenseBlock d) {
                passes.add(d.forward((DenseBlock.Weights) w.blocks().get(i), b, t,
                        features.get(all(), interval(0, d.inputWidth())),
                        features.get(all(), interval(d.inputWidth(), d.outputWidth()))));
            } else {
                AttentionBlock a = (AttentionBlock) blocks.get(i);
                passes.add(a.forward((AttentionBlock.Weights) w.blocks().get(i), b, t,
                        features.get(all(), interval(0, a.inputWidth())),
                        features.get(all(), interval(a.inputWidth(), a.outputWidth()))));
            }
        }
        return new Pass(b, t, x, features, passes);
    }

    /** Adds ∂L/∂parameters to {@code grad} given ∂L/∂h for every step, {@code [T·B, H]} time-major (consumed). */
    void backward(Weights w, Weights grad, Pass pass, INDArray dFeatures) {
        for (int i = blocks.size() - 1; i >= 0; i--) {
            if (blocks.get(i) instanceof DenseBlock d) {
                d.backward((DenseBlock.Weights) w.blocks().get(i), (DenseBlock.Weights) grad.blocks().get(i),
                        (DenseBlock.Pass) pass.blocks().get(i),
                        dFeatures.get(all(), interval(d.inputWidth(), d.outputWidth())),
                        dFeatures.get(all(), interval(0, d.inputWidth())));
            } else {
                AttentionBlock a = (AttentionBlock) blocks.get(i);
                a.backward((AttentionBlock.Weights) w.blocks().get(i), (AttentionBlock.Weights) grad.blocks().get(i),
                        (AttentionBlock.Pass) pass.blocks().get(i),
                        dFeatures.get(all(), interval(a.inputWidth(), a.outputWidth())),
                        dFeatures.get(all(), interval(0, a.inputWidth())));
            }
        }
        if (projection > 0) {
            INDArray dz = dFeatures.get(all(), interval(0, projection));
            grad.projection().addi(Gemm.product(pass.inputs(), dz, true, false));
            grad.projectionBias().addi(Gemm.columnSums(dz));
        }
    }

    /**
     * Every step's output {@code [B, T, H]} for inputs {@code [B, T, I]} (T ≤ {@link #maxSteps()}) in one pass over
     * the whole sequence; the same numbers as stepping through it.
     */
    public INDArray outputs(INDArray flat, INDArray inputs) {
        if (inputs.rank() != 3 || inputs.size(2) != inputSize || inputs.size(1) > maxSteps) {
            throw new IllegalArgumentException("SNAIL inputs must be [B, T <= " + maxSteps + ", " + inputSize
                    + "], got " + Arrays.toString(inputs.shape()));
        }
        int b = (int) inputs.size(0);
        int t = (int) inputs.size(1);
        return TimeMajor.batchMajor(forward(views(row(flat)), b, t, TimeMajor.rows(inputs, dataType)).features(), b,
                t);
    }

    /**
     * The whole sequence in one pass ({@link #forward}: batched matrix products over all T·B steps, attention under
     * its causal mask) rather than T steps of many small operations; what backpropagation needs is kept by the pass
     * itself, so {@code keepHistory} costs nothing here. The outputs are views of one {@code [B, T, H]} array.
     */
    @Override
    public Unrolled unrollAll(INDArray flat, List<INDArray> inputs, boolean keepHistory) {
        if (inputs.isEmpty() || inputs.size() > maxSteps) {
            throw new IllegalArgumentException("SNAIL unrolls 1 to " + maxSteps + " steps at once, got "
                    + inputs.size());
        }
        int batch = (int) inputs.get(0).size(0);
        for (INDArray x : inputs) {
            if (x.rank() != 2 || x.size(0) != batch || x.size(1) != inputSize) {
                throw new IllegalArgumentException("SNAIL step input must be [" + batch + ", " + inputSize
                        + "], got " + Arrays.toString(x.shape()));
            }
        }
        INDArray row = row(flat);
        Weights w = views(row);
        Pass pass = forward(w, batch, inputs.size(), Nd4j.concat(0, inputs.toArray(new INDArray[0])));
        List<INDArray> outputs = new ArrayList<>(inputs.size());
        for (int t = 0; t < inputs.size(); t++) {
            outputs.add(pass.step(t));
        }
        return new Unrolled(new Whole(w, batch, inputs.size(), pass), outputs, pass.features());
    }

    /** ∂L/∂parameters {@code [P]} of a pass over {@code steps} steps, given ∂L/∂h_t for each (null for none). */
    private INDArray gradient(Weights w, Pass pass, int batch, int steps, List<INDArray> dh) {
        if (dh.size() != steps) {
            throw new IllegalArgumentException("SNAIL took " + steps + " steps, got " + dh.size()
                    + " output gradients");
        }
        INDArray grad = Nd4j.zeros(dataType, 1, numParams);
        if (steps == 0) {
            return grad.reshape(-1);
        }
        INDArray dFeatures = Nd4j.zeros(dataType, (long) steps * batch, hiddenSize);
        for (int t = 0; t < steps; t++) {
            INDArray d = dh.get(t);
            if (d == null) {
                continue;
            }
            if (d.rank() != 2 || d.size(0) != batch || d.size(1) != hiddenSize) {
                throw new IllegalArgumentException("SNAIL output gradient " + t + " must be [" + batch + ", "
                        + hiddenSize + "], got " + Arrays.toString(d.shape()));
            }
            dFeatures.get(interval((long) t * batch, (long) (t + 1) * batch), all()).assign(d);
        }
        backward(w, views(grad), pass, dFeatures);
        return grad.reshape(-1);
    }

    /** B sequences already run to their end by {@link #unrollAll}: only backpropagation remains. */
    private final class Whole implements Sequence {
        private final Weights w;
        private final int batch;
        private final int steps;
        private final Pass pass;

        Whole(Weights w, int batch, int steps, Pass pass) {
            this.w = w;
            this.batch = batch;
            this.steps = steps;
            this.pass = pass;
        }

        @Override
        public INDArray step(INDArray x) {
            throw new IllegalStateException("a SNAIL sequence unrolled at once cannot take further steps");
        }

        @Override
        public INDArray backward(List<INDArray> dh) {
            return gradient(w, pass, batch, steps, dh);
        }

        /** ∂L/∂h already in the pass's layout: backpropagated in place, with no per-step assembly. */
        @Override
        public INDArray backwardRows(INDArray dh, int batch, int steps) {
            if (batch != this.batch || steps != this.steps || dh.rank() != 2 || dh.size(0) != (long) batch * steps
                    || dh.size(1) != hiddenSize) {
                throw new IllegalArgumentException("SNAIL output gradients must be [" + this.batch * this.steps
                        + ", " + hiddenSize + "] for " + this.batch + " sequences of " + this.steps + " steps, got "
                        + Arrays.toString(dh.shape()));
            }
            INDArray grad = Nd4j.zeros(dataType, 1, numParams);
            SnailCore.this.backward(w, views(grad), pass, dh.ordering() == 'c' ? dh : dh.dup('c'));
            return grad.reshape(-1);
        }
    }

    @Override
    public Sequence start(INDArray flat, int batch, boolean keepHistory) {
        if (batch < 1) {
            throw new IllegalArgumentException("SNAIL needs a batch of at least one sequence, got " + batch);
        }
        return new Stepper(row(flat), batch, keepHistory);
    }

    /** B sequences stepped with the caches of the class comment. */
    private final class Stepper implements Sequence {
        private final Weights w;
        private final int batch;
        private final boolean keepHistory;
        /** Step s's first ringWidth columns of h at slot s mod R_max, {@code [R_max, B, ringWidth]}. */
        private final INDArray ring;
        private final AttentionBlock.Cache[] caches;
        // with history only: the inputs, every step's output {@code [T_max, B, H]} and each block's step values
        private final List<INDArray> inputs = new ArrayList<>();
        private final INDArray outputs;
        private final List<List<Object>> blockSteps = new ArrayList<>();
        /**
         * The current step's h {@code [B, H]}, filled block by block, and the views stepping reads and writes, made
         * once (a view costs a native shape descriptor, and a step takes hundreds of them): each block's input and
         * added columns, each dense block's pre-activation buffer (reused unless history is kept) and ring slots.
         */
        private final INDArray h;
        private final INDArray[] inputViews;
        private final INDArray[] addedViews;
        private final INDArray[] preBuffers;
        private final INDArray[][] lagViews;
        private final INDArray[] ringSlots;
        private int steps;

        Stepper(INDArray row, int batch, boolean keepHistory) {
            this.w = views(row);
            this.batch = batch;
            this.keepHistory = keepHistory;
            this.ring = ringLength > 0 ? Nd4j.zeros(dataType, ringLength, batch, ringWidth) : null;
            this.caches = new AttentionBlock.Cache[blocks.size()];
            this.h = Nd4j.zeros(dataType, batch, hiddenSize);
            this.inputViews = new INDArray[blocks.size()];
            this.addedViews = new INDArray[blocks.size()];
            this.preBuffers = new INDArray[blocks.size()];
            this.lagViews = new INDArray[blocks.size()][];
            for (int i = 0; i < blocks.size(); i++) {
                int in;
                int out;
                if (blocks.get(i) instanceof DenseBlock d) {
                    in = d.inputWidth();
                    out = d.outputWidth();
                    preBuffers[i] = Nd4j.zeros(dataType, batch, 2 * d.filters());
                    lagViews[i] = new INDArray[Math.max(ringLength, 1)];
                } else {
                    AttentionBlock a = (AttentionBlock) blocks.get(i);
                    in = a.inputWidth();
                    out = a.outputWidth();
                    caches[i] = a.cache(batch, maxSteps);
                }
                inputViews[i] = h.get(all(), interval(0, in));
                addedViews[i] = h.get(all(), interval(in, out));
                blockSteps.add(new ArrayList<>());
            }
            this.ringSlots = new INDArray[ringLength];
            this.outputs = keepHistory ? Nd4j.zeros(dataType, maxSteps, batch, hiddenSize) : null;
        }

        /** Ring slot s's first C columns for dense block i, made on first use. */
        private INDArray lagged(int i, int slot, int width) {
            if (lagViews[i][slot] == null) {
                lagViews[i][slot] = ring.get(point(slot), all(), interval(0, width));
            }
            return lagViews[i][slot];
        }

        @Override
        public INDArray step(INDArray x) {
            if (x.rank() != 2 || x.size(0) != batch || x.size(1) != inputSize) {
                throw new IllegalArgumentException("SNAIL step input must be [" + batch + ", " + inputSize
                        + "], got " + Arrays.toString(x.shape()));
            }
            if (steps >= maxSteps) {
                throw new IllegalStateException("SNAIL was built for sequences of at most " + maxSteps
                        + " steps (its TC blocks' depth and caches depend on it); step " + (steps + 1)
                        + " exceeds it");
            }
            int t = steps;
            INDArray xt = x.castTo(dataType);
            if (projection > 0) {
                INDArray z = h.get(all(), interval(0, projection));
                Gemm.into(xt, w.projection(), z, false, false, false);
                z.addiRowVector(w.projectionBias());
            } else {
                h.get(all(), interval(0, inputSize)).assign(xt);
            }
            for (int i = 0; i < blocks.size(); i++) {
                if (blocks.get(i) instanceof DenseBlock d) {
                    int r = d.dilation();
                    INDArray lagged = t >= r ? lagged(i, (t - r) % ringLength, d.inputWidth()) : null;
                    // kept steps need their own pre-activations (their tanh and σ are views of them)
                    INDArray pre = keepHistory ? Nd4j.zeros(dataType, batch, 2 * d.filters()) : preBuffers[i];
                    DenseBlock.Step s = d.step((DenseBlock.Weights) w.blocks().get(i), inputViews[i], lagged, pre,
                            addedViews[i]);
                    keep(i, s);
                } else {
                    AttentionBlock a = (AttentionBlock) blocks.get(i);
                    AttentionBlock.Step s = a.step((AttentionBlock.Weights) w.blocks().get(i), caches[i], t,
                            inputViews[i]);
                    addedViews[i].assign(s.read());
                    keep(i, s);
                }
            }
            if (ring != null) {
                int slot = t % ringLength;
                if (ringSlots[slot] == null) {
                    ringSlots[slot] = ring.get(point(slot), all(), all());
                }
                ringSlots[slot].assign(h.get(all(), interval(0, ringWidth)));
            }
            if (keepHistory) {
                inputs.add(xt);
                outputs.get(point(t), all(), all()).assign(h);
            }
            steps++;
            return h.dup(); // the caller keeps it; h is the next step's buffer
        }

        private void keep(int block, Object stepValues) {
            if (keepHistory) {
                blockSteps.get(block).add(stepValues);
            }
        }

        /** The whole-sequence pass of the steps taken, from what stepping computed (nothing is recomputed). */
        @SuppressWarnings("unchecked")
        private Pass pass() {
            INDArray features = (steps == maxSteps ? outputs : outputs.get(interval(0, steps), all(), all()).dup('c'))
                    .reshape('c', (long) steps * batch, hiddenSize);
            List<Object> passes = new ArrayList<>(blocks.size());
            for (int i = 0; i < blocks.size(); i++) {
                List<?> s = blockSteps.get(i);
                if (blocks.get(i) instanceof DenseBlock d) {
                    passes.add(d.pass(batch, features.get(all(), interval(0, d.inputWidth())),
                            (List<DenseBlock.Step>) s));
                } else {
                    AttentionBlock a = (AttentionBlock) blocks.get(i);
                    passes.add(a.pass(batch, features.get(all(), interval(0, a.inputWidth())), caches[i],
                            (List<AttentionBlock.Step>) s));
                }
            }
            INDArray x = Nd4j.concat(0, inputs.toArray(new INDArray[0]));
            return new Pass(batch, steps, x, features, passes);
        }

        @Override
        public INDArray backward(List<INDArray> dh) {
            if (!keepHistory) {
                throw new IllegalStateException("this sequence was started without history");
            }
            return gradient(w, steps == 0 ? null : pass(), batch, steps, dh);
        }
    }
}
