package org.metarl4j.meta.optim;

import org.metarl4j.meta.maml.Adaptation;
import org.metarl4j.meta.maml.LossBatch;
import org.metarl4j.meta.maml.MamlObjective;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * PPO as MAML's outer optimiser (ProMP and garage's MAML-PPO use this form): several epochs of Adam on the clipped
 * surrogate of the adapted policies, each epoch re-adapting from the current θ and differentiating exactly through
 * the inner loop. Adam is ND4J's updater.
 */
public final class MamlPpo implements OuterOptimizer {
    private final MamlObjective objective;
    private final PpoConfig config;

    /**
     * @param config clip ε, epochs, Adam learning rate
     */
    public MamlPpo(MamlObjective objective, PpoConfig config) {
        this.objective = objective;
        this.config = config;
    }

    @Override
    public OuterStep step(double[] theta, Adaptation adaptation, LossBatch support, LossBatch query) {
        long t0 = System.nanoTime();
        try (MamlObjective.Point old = objective.evaluate(theta, adaptation, query)) {
            return step(theta, old, support, query, t0);
        }
    }

    private OuterStep step(double[] theta, MamlObjective.Point old, LossBatch support, LossBatch query, long t0) {
        long t1 = System.nanoTime();
        INDArray state = Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.DOUBLE, 1, 2L * theta.length);
        GradientUpdater<?> adam = new Adam(config.learningRate()).instantiate(state, true);
        double[] current = theta.clone();
        double firstNorm = Double.NaN;
        MamlObjective.Clipped last = null;
        for (int epoch = 0; epoch < config.epochs(); epoch++) {
            last = objective.clippedSurrogate(old, current, support, query, config.clipEpsilon());
            NonFiniteException.requireFinite("clipped surrogate", last.loss());
            NonFiniteException.requireFinite("meta-gradient", last.gradient());
            if (epoch == 0) {
                firstNorm = Math.sqrt(Vectors.dot(last.gradient(), last.gradient()));
            }
            INDArray update = Nd4j.createFromArray(last.gradient()).reshape(1, theta.length);
            adam.applyUpdater(update, epoch, 0);
            Vectors.axpy(-1.0, update.toDoubleVector(), current);
        }
        long t2 = System.nanoTime();
        MamlObjective.Trial after = objective.trial(old, current, support, query);
        PhaseTimes phases = new PhaseTimes((t1 - t0) / 1e9, (t2 - t1) / 1e9, Double.NaN);
        return new OuterStep(current, old.loss(), after.loss(), after.kl(), Double.NaN, firstNorm, phases);
    }
}
