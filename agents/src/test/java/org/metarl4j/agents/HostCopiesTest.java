package org.metarl4j.agents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class HostCopiesTest {

    @Test
    void rowsOfAViewAndOfATransposeAreItsEntries() {
        INDArray m = Nd4j.arange(12).castTo(DataType.FLOAT).reshape('c', 3, 4);
        INDArray view = m.get(NDArrayIndex.interval(1, 3), NDArrayIndex.interval(1, 3)); // offset, strided
        assertArrayEquals(new double[][] {{5, 6}, {9, 10}}, HostCopies.rows(view));
        assertArrayEquals(new double[][] {{0, 4, 8}, {1, 5, 9}, {2, 6, 10}, {3, 7, 11}},
                HostCopies.rows(m.transpose()));
    }

    @Test
    void matrixRoundTripsAndKeepsTheType() {
        double[][] rows = {{1.5, -2}, {3, 4.25}, {0, 7}};
        INDArray m = HostCopies.matrix(rows, DataType.DOUBLE);
        assertEquals(DataType.DOUBLE, m.dataType());
        assertArrayEquals(new long[] {3, 2}, m.shape());
        assertArrayEquals(rows, HostCopies.rows(m));
        assertEquals(DataType.FLOAT, HostCopies.matrix(rows, DataType.FLOAT).dataType());
    }

    @Test
    void rowsRejectsAVector() {
        assertThrows(IllegalArgumentException.class, () -> HostCopies.rows(Nd4j.ones(3)));
    }
}
