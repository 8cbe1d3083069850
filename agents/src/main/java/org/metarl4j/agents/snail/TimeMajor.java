package org.metarl4j.agents.snail;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Conversions between the blocks' public batch-major tensors {@code [B, T, W]} and the time-major row matrices
 * {@code [T·B, W]} (rows in (t, b) order) the full-sequence pass works in: there a step's rows are contiguous and a
 * dilated tap is a contiguous range of rows.
 */
final class TimeMajor {
    private TimeMajor() {
    }

    /** {@code [B, T, W]} (any order) as a fresh {@code [T·B, W]} of the given type, rows in (t, b) order. */
    static INDArray rows(INDArray batchMajor, DataType type) {
        long b = batchMajor.size(0);
        long t = batchMajor.size(1);
        return batchMajor.castTo(type).permute(1, 0, 2).dup('c').reshape('c', t * b, batchMajor.size(2));
    }

    /** Rows {@code [T·B, W]} in (t, b) order (contiguous) as a fresh {@code [B, T, W]}. */
    static INDArray batchMajor(INDArray rows, int b, int t) {
        return rows.reshape('c', t, b, rows.size(1)).permute(1, 0, 2).dup('c');
    }
}
