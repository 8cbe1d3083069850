package org.metarl4j.experiments.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.metarl4j.agents.trial.TrialScore;
import org.metarl4j.meta.maml.Evaluation;
import org.metarl4j.meta.maml.IterationLog;
import org.metarl4j.meta.optim.OuterStep;
import org.metarl4j.meta.rl2.Rl2Ppo;

/** The lines of {@code metrics.jsonl}: one JSON object per iteration and per evaluation, each with its iteration. */
final class RunJson {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private RunJson() {
    }

    static String iteration(IterationLog log, long envSteps, double wallSeconds) {
        OuterStep s = log.step();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "iteration");
        m.put("iteration", log.iteration());
        m.put("envSteps", envSteps);
        m.put("wallSeconds", wallSeconds);
        m.put("returnBefore", log.returnBefore());
        m.put("returnAfter", log.returnAfter());
        m.put("lossBefore", s.lossBefore());
        m.put("lossAfter", s.lossAfter());
        m.put("kl", s.kl());
        m.put("lineSearchSteps", Double.isNaN(s.lineSearchSteps()) ? null : (int) s.lineSearchSteps());
        m.put("gradientNorm", finiteOrNull(s.gradientNorm()));
        m.put("samplingSeconds", log.samplingSeconds());
        m.put("updateSeconds", log.updateSeconds());
        m.put("gradientSeconds", finiteOrNull(s.phases().gradient()));
        m.put("curvatureSeconds", finiteOrNull(s.phases().curvature()));
        m.put("lineSearchSeconds", finiteOrNull(s.phases().lineSearch()));
        return write(m);
    }

    static String evaluation(int iteration, Evaluation e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "evaluation");
        m.put("iteration", iteration);
        m.put("tasks", e.tasks());
        m.put("meanReturn", e.meanReturn());
        m.put("ci95", e.ci95());
        return write(m);
    }

    /** An RL² iteration: the progress.csv numbers, then wall time. */
    static String rl2Iteration(Rl2Ppo.IterationLog log, long envSteps, double wallSeconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "iteration");
        m.put("iteration", log.iteration());
        m.put("envSteps", envSteps);
        m.put("wallSeconds", wallSeconds);
        m.put("meanTrialReturn", log.meanTrialReturn());
        m.put("loss", finiteOrNull(log.loss()));
        m.put("entropy", finiteOrNull(log.entropy()));
        m.put("approxKl", finiteOrNull(log.approxKl()));
        m.put("epochs", log.epochs());
        m.put("iterationSeconds", log.seconds());
        return write(m);
    }

    /** An RL² evaluation on fresh tasks during training: total reward per trial. */
    static String trialEvaluation(int iteration, TrialScore score) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "evaluation");
        m.put("iteration", iteration);
        m.put("tasks", score.trials());
        m.put("meanTrialReturn", score.mean());
        m.put("ci95", score.ci95());
        return write(m);
    }

    private static Double finiteOrNull(double x) {
        return Double.isFinite(x) ? x : null;
    }

    private static String write(Map<String, Object> m) {
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
