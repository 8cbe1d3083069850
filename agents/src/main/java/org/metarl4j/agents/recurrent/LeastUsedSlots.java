package org.metarl4j.agents.recurrent;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The discrete part of least-recently-used access (Santoro et al. 2016 §3.2): from the usage weights w^u of each
 * sequence, the least-used weights w^lu (ones on the R least-used slots) and the row mask 1 − e_lu that zeroes the
 * single least-used slot before the next write. Ties go to the lowest slot index, so the masks are deterministic and
 * w^lu has exactly R ones. Both are piecewise constant in the parameters: backpropagation treats them as constants.
 *
 * @param leastUsed w^lu {@code [B, N]}, R ones per row
 * @param keep      1 − e_lu {@code [B, N]}, one zero per row, at the argmin of w^u (the first slot of w^lu)
 */
record LeastUsedSlots(INDArray leastUsed, INDArray keep) {

    /** The masks for usage {@code [B, N]} and R = {@code count} least-used slots per row. */
    static LeastUsedSlots of(INDArray usage, int count, DataType dataType) {
        int batch = (int) usage.size(0);
        int slots = (int) usage.size(1);
        double[] u = usage.dup('c').reshape(-1).toDoubleVector();
        double[] leastUsed = new double[u.length];
        double[] keep = new double[u.length];
        Arrays.fill(keep, 1.0);
        for (int b = 0; b < batch; b++) {
            int row = b * slots;
            boolean[] taken = new boolean[slots];
            for (int k = 0; k < count; k++) {
                int min = -1;
                for (int i = 0; i < slots; i++) {
                    if (!taken[i] && (min < 0 || u[row + i] < u[row + min])) {
                        min = i;
                    }
                }
                taken[min] = true;
                leastUsed[row + min] = 1.0;
                if (k == 0) {
                    keep[row + min] = 0.0;
                }
            }
        }
        long[] shape = {batch, slots};
        return new LeastUsedSlots(Nd4j.create(leastUsed, shape, dataType), Nd4j.create(keep, shape, dataType));
    }
}
