package io.genesis.agents;

import io.genesis.api.JsonConventions;
import io.genesis.evolution.Case;
import io.genesis.evolution.CaseBank;
import io.genesis.memory.MemoryStore;
import io.genesis.runtime.AgentResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.logging.Logger;

/**
 * CaseBank for the agents on the model (Memento): before a prompt, the agent's past cases most similar to the task
 * ({@link CaseBank#rank}: reward at least {@value CaseBank#DEFAULT_MIN_REWARD}, similarity at least
 * {@value CaseBank#DEFAULT_MIN_SIMILARITY}, best {@code similarity * reward} first, at most
 * {@code genesis.llm.case-hints}, out of the agent's {@code genesis.llm.case-pool} best-rewarded cases); after an
 * accepted answer, the case it makes (situation = {@link #situation}, action = the answer's summary, reward = its
 * quality grade). SE-Darwin's cases learned from failed tasks share the table and the situation's shape, so they are
 * found too. Memory is advice: a database that cannot be read or written leaves the prompt without hints and the task
 * unaffected.
 */
@ApplicationScoped
public class CaseHints {

    private static final Logger LOG = Logger.getLogger(CaseHints.class.getName());

    @Inject
    MemoryStore memory;

    @Inject
    CaseBank caseBank;

    @Inject
    @ConfigProperty(name = "genesis.llm.case-hints")
    int hints;

    @Inject
    @ConfigProperty(name = "genesis.llm.case-pool")
    int pool;

    /**
     * The situation of a task as CaseBank embeds it: {@code "<task type>: <description> (business <type>)"}, the shape
     * of the cases SE-Darwin learns from failures (which append the error).
     */
    static String situation(TaskBrief brief) {
        return brief.taskType() + ": " + brief.taskDescription() + " (business " + brief.businessType() + ")";
    }

    /** The agent's past cases most like this task, best first; empty when hints are off or memory is unreachable. */
    public List<CaseHint> similar(String agent, TaskBrief brief) {
        if (hints <= 0) {
            return List.of();
        }
        try {
            List<Case> cases = memory.bestCases(agent, CaseBank.DEFAULT_MIN_REWARD, pool);
            return caseBank.rank(situation(brief), cases, hints, CaseBank.DEFAULT_MIN_REWARD, CaseBank.DEFAULT_MIN_SIMILARITY)
                    .stream().map(ranked -> new CaseHint(ranked.matched().state(), ranked.matched().action(),
                            ranked.matched().reward(), ranked.similarity())).toList();
        } catch (Exception e) { // memory is advice: a store that fails leaves the task as it is
            LOG.warning("CaseBank not read for " + agent + " task " + brief.taskId() + ": " + e.getMessage());
            return List.of();
        }
    }

    /** Keeps the case an accepted answer makes (graded results only). */
    public void remember(String agent, TaskBrief brief, String taskId, AgentResult result) {
        if (hints <= 0 || result.qualityScore() == null || !(result.output() instanceof JsonObject output)
                || output.getString("summary", "").isBlank()) {
            return;
        }
        JsonObject metadata = JsonConventions.json().createObjectBuilder()
                .add("task_id", taskId)
                .add("business_id", brief.businessId())
                .add("model", result.model() == null ? "" : result.model())
                .add("source", ModelWork.SOURCE)
                .build();
        try {
            memory.saveCase(caseBank.newCase(agent, situation(brief), output.getString("summary"), result.qualityScore(), metadata));
        } catch (Exception e) { // memory is advice: a store that fails leaves the task as it is
            LOG.warning("CaseBank case not kept for " + agent + " task " + taskId + ": " + e.getMessage());
        }
    }
}
