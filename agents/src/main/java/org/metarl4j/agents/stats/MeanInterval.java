package org.metarl4j.agents.stats;

/**
 * The summary every results table here uses: the mean of independent samples (tasks, trials, seeds) and the
 * half-width of its normal-approximation 95% confidence interval, 1.96 · sd / √n with the sample standard deviation.
 */
public final class MeanInterval {
    private MeanInterval() {
    }

    public static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    /** 1.96 · sd / √n; 0 for fewer than two samples (no spread to estimate). */
    public static double halfWidth95(double[] x) {
        if (x.length < 2) {
            return 0.0;
        }
        double m = mean(x);
        double ss = 0;
        for (double v : x) {
            ss += (v - m) * (v - m);
        }
        return 1.96 * Math.sqrt(ss / (x.length - 1)) / Math.sqrt(x.length);
    }
}
