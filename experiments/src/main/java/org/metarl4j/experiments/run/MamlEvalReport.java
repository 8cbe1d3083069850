package org.metarl4j.experiments.run;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.metarl4j.envs.EnvFamily;
import org.metarl4j.envs.Task;
import org.metarl4j.meta.maml.Evaluation;
import org.metarl4j.meta.maml.MamlTrainer;

/**
 * A MAML final evaluation: on fresh tasks of the training distribution and, for families with a held-out split
 * ({@link EnvFamily#heldOut()}), on fresh held-out tasks drawn with the same seed. The eval.json keeps the training
 * evaluation's fields at the top level (older readers see the file they know) and adds {@code heldOut}.
 *
 * @param train fresh tasks of the training distribution
 * @param heldOut fresh held-out tasks; null when the family has no held-out split
 */
public record MamlEvalReport(Evaluation train, Evaluation heldOut) {

    /** Evaluates {@code theta} on {@code tasks} tasks of each split the family has. */
    static <T extends Task> MamlEvalReport evaluate(MamlTrainer<T> trainer, EnvFamily<T> family, double[] theta,
                                                    int tasks, long seed) {
        Evaluation train = trainer.evaluate(theta, family.tasks(), tasks, seed);
        Evaluation heldOut = family.heldOut().map(d -> trainer.evaluate(theta, d, tasks, seed)).orElse(null);
        return new MamlEvalReport(train, heldOut);
    }

    /** The eval.json content. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> json() {
        Map<String, Object> out = new LinkedHashMap<>(JsonMapper.builder().build().convertValue(train, Map.class));
        if (heldOut != null) {
            out.put("heldOut", heldOut);
        }
        return out;
    }

    /** One line: returns (and success rates) before and after one step, train then held-out. */
    public String summary() {
        String line = describe("fresh", train);
        return heldOut == null ? line : line + "; " + describe("held-out", heldOut);
    }

    static String describe(String which, Evaluation e) {
        String returns = String.format(Locale.ROOT, "%d %s tasks: before %.2f ± %.2f, after 1 step %.2f ± %.2f",
                e.tasks(), which, e.before(), e.ci95()[0], e.after(), e.ci95()[1]);
        if (!e.hasSuccess()) {
            return returns;
        }
        return returns + String.format(Locale.ROOT, ", success %.1f%% ± %.1f → %.1f%% ± %.1f",
                100 * e.successRate()[0], 100 * e.successCi95()[0], 100 * e.successRate()[1],
                100 * e.successCi95()[1]);
    }
}
