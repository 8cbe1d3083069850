package org.metarl4j.experiments.run;

import java.io.PrintStream;
import java.util.Locale;

/**
 * How a run reports while it trains: on a terminal a one-line progress bar with the ETA and the latest returns,
 * redrawn in place; otherwise (a file, a pipe, CI) one plain line per iteration.
 */
public abstract class Progress {
    final PrintStream out;

    Progress(PrintStream out) {
        this.out = out;
    }

    /** A bar when {@code out} is this process's terminal, plain lines otherwise. */
    public static Progress forStream(PrintStream out) {
        return out == System.out && System.console() != null ? new Bar(out) : new Lines(out);
    }

    /** Plain lines on {@code out}, whatever it is. */
    public static Progress lines(PrintStream out) {
        return new Lines(out);
    }

    /**
     * @param run e.g. {@code maml-navigation2d s1}
     * @param done iterations finished so far in this run (all sessions)
     * @param total the run's iterations
     * @param values the latest numbers, e.g. {@code return before -39.10  after -15.20}
     * @param etaSeconds estimated seconds to go
     */
    public abstract void iteration(String run, int done, int total, String values, double secondsPerIteration,
                                   double etaSeconds);

    /** A line that must stay visible (evaluations, results, errors). */
    public void message(String line) {
        out.println(line);
    }

    static String duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "?";
        }
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }

    private static final class Lines extends Progress {
        Lines(PrintStream out) {
            super(out);
        }

        @Override
        public void iteration(String run, int done, int total, String values, double secondsPerIteration,
                              double etaSeconds) {
            out.printf(Locale.ROOT, "[%s] iteration %d/%d  %s  %.2f s/it  ETA %s%n", run, done, total, values,
                    secondsPerIteration, duration(etaSeconds));
        }
    }

    private static final class Bar extends Progress {
        private static final int WIDTH = 30;
        private boolean open;

        Bar(PrintStream out) {
            super(out);
        }

        @Override
        public void iteration(String run, int done, int total, String values, double secondsPerIteration,
                              double etaSeconds) {
            int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
            out.printf(Locale.ROOT, "\r[%s] [%s%s] %d/%d  ETA %s  %s ", run, "=".repeat(filled),
                    " ".repeat(WIDTH - filled), done, total, duration(etaSeconds), values);
            out.flush();
            open = done < total;
            if (!open) {
                out.println();
            }
        }

        @Override
        public void message(String line) {
            if (open) {
                out.println();
                open = false;
            }
            out.println(line);
        }
    }
}
