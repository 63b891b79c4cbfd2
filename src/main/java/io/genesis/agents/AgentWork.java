package io.genesis.agents;

import io.genesis.api.JsonConventions;
import io.genesis.catalog.AgentName;
import io.genesis.runtime.PermanentFailure;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which role each agent plays, and the result it returns: the role's artefact (the keys {@link AgentName#artefacts()}
 * names) plus {@code summary}, {@code agent}, {@code task_id}, {@code task_type} (the task's, else the role's usual
 * one, {@link AgentName#usualTaskType()}), {@code attempt} and {@code input}, the task content echoed. In the echo,
 * the results of {@code dependencies} lose their own {@code input}, so echoes never nest along a DAG. An agent without a role gets the summary and the echo only.
 */
public final class AgentWork {

    private final Map<String, Role> roles;

    public AgentWork(IdeaGenerator ideas) {
        Map<String, Role> table = new LinkedHashMap<>();
        table.put(AgentName.BUSINESS_IDEA_GENERATOR.id(), ideas::perform);
        table.put(AgentName.RESEARCH_AGENT.id(), PlanningWork::research);
        table.put(AgentName.SPEC_AGENT.id(), PlanningWork::spec);
        table.put(AgentName.ARCHITECT_AGENT.id(), PlanningWork::architecture);
        table.put(AgentName.BUILDER_AGENT.id(), BuildWork::builder);
        table.put(AgentName.FRONTEND_AGENT.id(), BuildWork::frontend);
        table.put(AgentName.BACKEND_AGENT.id(), BuildWork::backend);
        table.put(AgentName.DEPLOY_AGENT.id(), BuildWork::deploy);
        table.put(AgentName.QA_AGENT.id(), AssuranceWork::qa);
        table.put(AgentName.SECURITY_AGENT.id(), AssuranceWork::security);
        table.put(AgentName.MONITORING_AGENT.id(), AssuranceWork::monitoring);
        table.put(AgentName.DARWIN_AGENT.id(), AssuranceWork::darwin);
        table.put(AgentName.SEO_AGENT.id(), GrowthWork::seo);
        table.put(AgentName.CONTENT_AGENT.id(), GrowthWork::content);
        table.put(AgentName.MARKETING_AGENT.id(), GrowthWork::marketing);
        table.put(AgentName.SALES_AGENT.id(), GrowthWork::sales);
        table.put(AgentName.EMAIL_AGENT.id(), GrowthWork::email);
        table.put(AgentName.SUPPORT_AGENT.id(), GrowthWork::support);
        table.put(AgentName.FINANCE_AGENT.id(), RevenueWork::finance);
        table.put(AgentName.PRICING_AGENT.id(), RevenueWork::pricing);
        table.put(AgentName.ANALYTICS_AGENT.id(), RevenueWork::analytics);
        table.put(AgentName.COMMERCE_AGENT.id(), RevenueWork::commerce);
        this.roles = Map.copyOf(table);
    }

    /** The agents that have a role. */
    public Set<String> agents() {
        return roles.keySet();
    }

    /** The task type a result reports: the task's own, else the one the agent's role usually does, else "generic". */
    public String taskType(String agent, TaskBrief brief) {
        if (!brief.taskType().isEmpty()) {
            return brief.taskType();
        }
        return AgentName.of(agent).flatMap(AgentName::usualTaskType).orElse("generic");
    }

    /**
     * The result of one attempt of {@code agent} on a task.
     *
     * @throws PermanentFailure if the content cannot be worked on (an unknown business type for the idea generator)
     */
    public JsonObject perform(String agent, String taskId, int attempt, TaskBrief brief, JsonValue content)
            throws InterruptedException, PermanentFailure {
        Role role = roles.get(agent);
        Artefact artefact = role == null
                ? new Artefact(agent + " handled the task", JsonValue.EMPTY_JSON_OBJECT)
                : role.perform(brief);
        return result(agent, taskId, attempt, brief, content, artefact);
    }

    /** The result of one attempt that produced {@code artefact}, however it was produced. */
    JsonObject result(String agent, String taskId, int attempt, TaskBrief brief, JsonValue content, Artefact artefact) {
        JsonObjectBuilder result = JsonConventions.json().createObjectBuilder(artefact.fields())
                .add("summary", artefact.summary())
                .add("agent", agent)
                .add("task_id", taskId)
                .add("task_type", taskType(agent, brief))
                .add("attempt", attempt)
                .add("input", echo(content));
        return result.build();
    }

    private static JsonValue echo(JsonValue content) {
        if (!(content instanceof JsonObject object) || !(object.get("dependencies") instanceof JsonObject dependencies)) {
            return content == null ? JsonValue.NULL : content;
        }
        JsonObjectBuilder trimmed = JsonConventions.json().createObjectBuilder();
        dependencies.forEach((id, result) -> trimmed.add(id, result instanceof JsonObject json
                ? JsonConventions.json().createObjectBuilder(json).remove("input").build() : result));
        return JsonConventions.json().createObjectBuilder(object).add("dependencies", trimmed).build();
    }
}
