package org.metarl4j.meta.optim;

/** A loss, gradient or parameter vector became NaN or infinite inside an optimiser. */
public final class NonFiniteException extends ArithmeticException {

    public NonFiniteException(String message) {
        super(message);
    }

    /** Throws unless every entry of {@code x} is finite; the message names {@code what} and the first bad index. */
    public static double[] requireFinite(String what, double[] x) {
        int bad = Vectors.firstNonFinite(x);
        if (bad >= 0) {
            throw new NonFiniteException(what + " has a non-finite entry: [" + bad + "] = " + x[bad]);
        }
        return x;
    }

    /** Throws unless {@code x} is finite. */
    public static double requireFinite(String what, double x) {
        if (!Double.isFinite(x)) {
            throw new NonFiniteException(what + " is " + x);
        }
        return x;
    }
}
