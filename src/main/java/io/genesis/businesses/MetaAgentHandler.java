package io.genesis.businesses;

import io.genesis.catalog.AgentName;
import io.genesis.runtime.AgentHandler;
import io.genesis.runtime.AgentResult;
import io.genesis.runtime.PermanentFailure;
import io.genesis.runtime.TaskContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

/**
 * The Meta-Agent's handler on {@code genesis.meta.orchestrate}: reads the message's kind and hands it to its use case —
 * {@code create} plans a business ({@link BusinessPlanning}), {@code task_finished} records a DAG task's outcome and
 * advances the business ({@link TaskProgress}), {@code advance} publishes ready tasks ({@link TaskDispatch}), and a
 * review task HALO routed to the Meta-Agent itself gets its review ({@link MetaAgentReview}). Decides nothing itself.
 */
@ApplicationScoped
public class MetaAgentHandler implements AgentHandler {

    public static final String AGENT = AgentName.GENESIS_META_AGENT.id();

    @Inject
    BusinessPlanning planning;

    @Inject
    TaskProgress progress;

    @Inject
    TaskDispatch dispatch;

    @Inject
    MetaAgentReview review;

    @Override
    public boolean handles(String agent) {
        return AGENT.equals(agent);
    }

    @Override
    public int priority() {
        return DEFAULT_PRIORITY;
    }

    @Override
    public AgentResult handle(TaskContext task) throws Exception {
        if (!(task.envelope().content() instanceof JsonObject message)) {
            throw new PermanentFailure("meta-agent messages are JSON objects with a kind");
        }
        String kind = message.getString("kind", message.containsKey("task") ? "review" : "");
        return AgentResult.of(switch (kind) {
            case "create" -> planning.create(message.getString("business_id"));
            case "task_finished" -> progress.taskFinished(task.envelope().businessId(), task.envelope().tenantId(), message);
            case "advance" -> dispatch.advance(message.getString("business_id"));
            case "review" -> review.review(message);
            default -> throw new PermanentFailure("unknown meta-agent message kind '" + kind + "'");
        });
    }
}
