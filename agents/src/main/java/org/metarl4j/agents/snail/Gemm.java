package org.metarl4j.agents.snail;

import org.nd4j.linalg.api.blas.params.MMulTranspose;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.reduce.Mmul;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Matrix products that read and write column blocks of SNAIL's feature matrix {@code [T·B, H]} in place: BLAS takes a
 * block with unit column stride as it is (its leading dimension H), so neither a block's input nor its ∂L/∂input is
 * copied out of or added back into the wide matrix (copies and {@code INDArray.addi} on strided views took a fifth of
 * a profiled 2D-navigation iteration).
 */
final class Gemm {
    private Gemm() {
    }

    /** op(a) · op(b) as a fresh row-major matrix. */
    static INDArray product(INDArray a, INDArray b, boolean transposeA, boolean transposeB) {
        long rows = transposeA ? a.size(1) : a.size(0);
        long columns = transposeB ? b.size(0) : b.size(1);
        INDArray c = Nd4j.createUninitialized(a.dataType(), rows, columns);
        into(a, b, c, transposeA, transposeB, false);
        return c;
    }

    /** c ← op(a) · op(b), or c ← c + op(a) · op(b) when accumulating; c may be a view with unit column stride. */
    static void into(INDArray a, INDArray b, INDArray c, boolean transposeA, boolean transposeB, boolean accumulate) {
        Nd4j.exec(new Mmul(a, b, c, 1.0, accumulate ? 1.0 : 0.0, MMulTranspose.builder()
                .transposeA(transposeA).transposeB(transposeB).build()));
    }

    /**
     * Matrices {@code [N, w_i]} side by side as a fresh row-major {@code [N, Σ w_i]}, by one copy into each column
     * block: ND4J's {@code hstack} (a concatenation along axis 1) was measured at over a tenth of a SNAIL iteration.
     */
    static INDArray sideBySide(INDArray... parts) {
        long width = 0;
        for (INDArray p : parts) {
            width += p.size(1);
        }
        INDArray out = Nd4j.createUninitialized(parts[0].dataType(), parts[0].size(0), width);
        long c = 0;
        for (INDArray p : parts) {
            out.get(NDArrayIndex.all(), NDArrayIndex.interval(c, c + p.size(1))).assign(p);
            c += p.size(1);
        }
        return out;
    }

    /** Σ over rows of m {@code [N, W]} (any view) as {@code [1, W]}: a product with a row of ones, which BLAS does
     * faster than ND4J's reduction along an axis. */
    static INDArray columnSums(INDArray m) {
        return product(Nd4j.ones(m.dataType(), 1, m.size(0)), m, false, false);
    }
}
