package io.genesis.quality;

import io.genesis.catalog.TaskAssignment;
import io.genesis.runtime.AgentHandler;
import io.genesis.runtime.AgentResult;
import io.genesis.runtime.TaskContext;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.json.JsonObject;

/**
 * Every successful JSON result of every agent handler gets an HGM-style quality grade ({@link HgmJudge}) unless the
 * handler graded it itself. The task type graded against is the business task's
 * ({@link TaskAssignment#taskTypeOf}), else the agent's topic. The outermost decorator: it grades the result as it
 * leaves the handler, purchases included.
 */
@Decorator
@Priority(GradingDecorator.PRIORITY)
public abstract class GradingDecorator implements AgentHandler {

    /** Before (outside) every other decorator of agent handlers. */
    public static final int PRIORITY = Interceptor.Priority.APPLICATION;

    @Inject
    @Delegate
    @Any
    AgentHandler delegate;

    @Inject
    HgmJudge judge;

    @Override
    public AgentResult handle(TaskContext task) throws Exception {
        AgentResult result = delegate.handle(task);
        if (result.qualityScore() != null || !(result.output() instanceof JsonObject output)) {
            return result;
        }
        String taskType = TaskAssignment.taskTypeOf(task.envelope().content()).orElse(task.policy().topic());
        return result.withQualityScore(judge.grade(task.policy().agent(), taskType, output).score());
    }
}
