package org.metarl4j.meta.optim;

/** Small dense-vector helpers on double[] for the outer optimisers (vectors of one parameter set, P ≈ 10^3-10^4). */
public final class Vectors {
    private Vectors() {
    }

    public static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** y += a·x. */
    public static void axpy(double a, double[] x, double[] y) {
        for (int i = 0; i < x.length; i++) {
            y[i] += a * x[i];
        }
    }

    /** x + a·y as a new vector. */
    public static double[] plusScaled(double[] x, double a, double[] y) {
        double[] out = x.clone();
        axpy(a, y, out);
        return out;
    }

    public static double[] scale(double a, double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = a * x[i];
        }
        return out;
    }

    /** Index of the first non-finite entry, or -1. */
    public static int firstNonFinite(double[] x) {
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                return i;
            }
        }
        return -1;
    }
}
