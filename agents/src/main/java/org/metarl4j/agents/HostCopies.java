package org.metarl4j.agents;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Bulk copies between small ND4J matrices and Java arrays. ND4J's own {@code toDoubleMatrix()} and
 * {@code Nd4j.create(double[][])} go row by row (a tensor-along-dimension view and an allocation per row), which was
 * measured to take a quarter of an RL² iteration on [250, 5] logits; one contiguous copy does not.
 */
public final class HostCopies {
    private HostCopies() {
    }

    /** The rows of a 2-D array, copied in one pass. */
    public static double[][] rows(INDArray matrix) {
        if (matrix.rank() != 2) {
            throw new IllegalArgumentException("expected a matrix, got shape " + java.util.Arrays.toString(matrix.shape()));
        }
        int r = (int) matrix.size(0);
        int c = (int) matrix.size(1);
        double[] flat = matrix.dup('c').data().asDouble();
        double[][] out = new double[r][c];
        for (int i = 0; i < r; i++) {
            System.arraycopy(flat, i * c, out[i], 0, c);
        }
        return out;
    }

    /** A {@code [rows, columns]} array of the given type from equal-length rows, copied in one pass. */
    public static INDArray matrix(double[][] rows, DataType dataType) {
        int c = rows.length == 0 ? 0 : rows[0].length;
        double[] flat = new double[rows.length * c];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * c, c);
        }
        return Nd4j.create(flat, new long[] {rows.length, c}, dataType);
    }
}
