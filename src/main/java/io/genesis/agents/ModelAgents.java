package io.genesis.agents;

import io.genesis.agents.llm.ChatModel;
import io.genesis.catalog.BusinessArchetypes;
import io.genesis.quality.HgmJudge;
import io.genesis.runtime.AgentHandler;
import io.genesis.runtime.AgentResult;
import io.genesis.runtime.TaskContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The handler of every agent with a role while a model is configured ({@code genesis.llm.base-url}) and
 * {@code genesis.llm.agents} selects the agent: a task of a tenant that {@code genesis.llm.tenants} selects is worked
 * on by the model ({@link ModelWork}); any other task gets the simulated work of {@link SimulatedAgents}. Its priority
 * is above the simulated fallback and below a dedicated handler of an agent, which still wins. The payment and grading
 * decorators wrap it like any handler; it grades its own results (the judge is part of accepting an answer). The
 * agent's similar past cases go into the prompt and an accepted answer becomes a case ({@link CaseHints}).
 */
@ApplicationScoped
public class ModelAgents implements AgentHandler {

    public static final int PRIORITY = DEFAULT_PRIORITY - 1;

    @Inject
    AgentModels models;

    @Inject
    ChatModel chat;

    @Inject
    SimulatedAgents simulated;

    @Inject
    BusinessArchetypes archetypes;

    @Inject
    HgmJudge judge;

    @Inject
    IdeaGenerator ideas;

    @Inject
    CaseHints caseHints;

    @Inject
    @ConfigProperty(name = "genesis.llm.max-dependency-chars")
    int maxDependencyChars;

    private RolePrompts prompts;
    private ModelWork work;

    @PostConstruct
    void init() {
        prompts = RolePrompts.load();
        work = new ModelWork(chat, prompts, models.prices(), judge, new AgentWork(ideas), models.schemaInPrompt(), maxDependencyChars);
    }

    @Override
    public boolean handles(String agent) {
        return models.selects(agent) && prompts.agents().contains(agent);
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public AgentResult handle(TaskContext task) throws Exception {
        String agent = task.policy().agent();
        if (!models.uses(task.envelope().tenantId(), agent)) {
            return simulated.simulate(task);
        }
        JsonValue content = task.envelope().content();
        TaskBrief brief = TaskBrief.of(content, JsonValue.EMPTY_JSON_OBJECT, archetypes);
        AgentResult result = work.perform(agent, task.envelope().taskId(), task.attempt(), brief, content,
                models.choose(agent, content), caseHints.similar(agent, brief), task.spend());
        caseHints.remember(agent, brief, task.envelope().taskId(), result);
        return result;
    }
}
