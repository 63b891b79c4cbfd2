package io.genesis.agents;

import io.genesis.api.JsonConventions;
import io.genesis.runtime.PermanentFailure;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which role each agent plays, and the result it returns: the role's artefact (the keys
 * {@link io.genesis.quality.HgmJudge#AGENT_ARTEFACTS} expects of it) plus {@code summary}, {@code agent},
 * {@code task_id}, {@code task_type} (the task's, else the role's usual one), {@code attempt} and {@code input}, the
 * task content echoed. In the echo, the results of {@code dependencies} lose their own {@code input}, so echoes never
 * nest along a DAG. An agent without a role gets the summary and the echo only.
 */
public final class AgentWork {

    /** A role and the task type it usually does (HALO's first task type of the agent). */
    private record Assignment(String taskType, Role role) {
    }

    private final Map<String, Assignment> assignments;

    public AgentWork(IdeaGenerator ideas) {
        Map<String, Assignment> table = new LinkedHashMap<>();
        table.put("business_idea_generator", new Assignment("idea_generation", ideas::perform));
        table.put("research_agent", new Assignment("research", PlanningWork::research));
        table.put("spec_agent", new Assignment("design", PlanningWork::spec));
        table.put("architect_agent", new Assignment("architecture", PlanningWork::architecture));
        table.put("builder_agent", new Assignment("implement", BuildWork::builder));
        table.put("frontend_agent", new Assignment("frontend", BuildWork::frontend));
        table.put("backend_agent", new Assignment("backend", BuildWork::backend));
        table.put("deploy_agent", new Assignment("deploy", BuildWork::deploy));
        table.put("qa_agent", new Assignment("test", AssuranceWork::qa));
        table.put("security_agent", new Assignment("security", AssuranceWork::security));
        table.put("monitoring_agent", new Assignment("monitor", AssuranceWork::monitoring));
        table.put("darwin_agent", new Assignment("improve_agent", AssuranceWork::darwin));
        table.put("seo_agent", new Assignment("seo", GrowthWork::seo));
        table.put("content_agent", new Assignment("content", GrowthWork::content));
        table.put("marketing_agent", new Assignment("marketing", GrowthWork::marketing));
        table.put("sales_agent", new Assignment("sales", GrowthWork::sales));
        table.put("email_agent", new Assignment("email", GrowthWork::email));
        table.put("support_agent", new Assignment("support", GrowthWork::support));
        table.put("finance_agent", new Assignment("finance", RevenueWork::finance));
        table.put("pricing_agent", new Assignment("pricing", RevenueWork::pricing));
        table.put("analytics_agent", new Assignment("analytics", RevenueWork::analytics));
        table.put("commerce_agent", new Assignment("commerce", RevenueWork::commerce));
        this.assignments = Map.copyOf(table);
    }

    /** The agents that have a role. */
    public Set<String> agents() {
        return assignments.keySet();
    }

    /** The task type a result reports: the task's own, else the one the agent's role usually does, else "generic". */
    public String taskType(String agent, TaskBrief brief) {
        if (!brief.taskType().isEmpty()) {
            return brief.taskType();
        }
        Assignment assignment = assignments.get(agent);
        return assignment == null ? "generic" : assignment.taskType();
    }

    /**
     * The result of one attempt of {@code agent} on a task.
     *
     * @throws PermanentFailure if the content cannot be worked on (an unknown business type for the idea generator)
     */
    public JsonObject perform(String agent, String taskId, int attempt, TaskBrief brief, JsonValue content)
            throws InterruptedException, PermanentFailure {
        Assignment assignment = assignments.get(agent);
        Artefact artefact = assignment == null
                ? new Artefact(agent + " handled the task", JsonValue.EMPTY_JSON_OBJECT)
                : assignment.role().perform(brief);
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
