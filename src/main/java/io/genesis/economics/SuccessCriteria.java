package io.genesis.economics;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Locale;

/**
 * {@code GenesisMetaAgent._is_successful}: there are results, none is blocked, completed / total >= 0.8, and no
 * critical task failed. Checked in that order; the verdict names the first failed criterion.
 */
@ApplicationScoped
public class SuccessCriteria {

    public static final double MIN_COMPLETION_RATE = 0.8;

    public SuccessVerdict evaluate(List<TaskOutcome> outcomes) {
        int total = outcomes == null ? 0 : outcomes.size();
        if (total == 0) {
            return new SuccessVerdict(false, "no task results", 0, 0, 0.0);
        }
        int completed = (int) outcomes.stream().filter(outcome -> outcome.status() == TaskOutcome.Status.COMPLETED).count();
        double rate = (double) completed / total;
        List<String> blocked = idsWith(outcomes, TaskOutcome.Status.BLOCKED, false);
        if (!blocked.isEmpty()) {
            return new SuccessVerdict(false, blocked.size() + " task(s) blocked by safety: " + String.join(", ", blocked),
                    completed, total, rate);
        }
        if (rate < MIN_COMPLETION_RATE) {
            return new SuccessVerdict(false, String.format(Locale.ROOT, "completion rate %.2f (%d of %d) is below %.2f", rate,
                    completed, total, MIN_COMPLETION_RATE), completed, total, rate);
        }
        List<String> criticalFailures = idsWith(outcomes, TaskOutcome.Status.FAILED, true);
        if (!criticalFailures.isEmpty()) {
            return new SuccessVerdict(false, "critical task(s) failed: " + String.join(", ", criticalFailures), completed,
                    total, rate);
        }
        return new SuccessVerdict(true, String.format(Locale.ROOT, "%d of %d tasks completed (%.2f), none blocked, no critical failure",
                completed, total, rate), completed, total, rate);
    }

    private static List<String> idsWith(List<TaskOutcome> outcomes, TaskOutcome.Status status, boolean criticalOnly) {
        return outcomes.stream()
                .filter(outcome -> outcome.status() == status && (!criticalOnly || outcome.critical()))
                .map(TaskOutcome::taskId)
                .toList();
    }
}
