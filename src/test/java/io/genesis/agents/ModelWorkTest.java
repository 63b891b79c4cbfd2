package io.genesis.agents;

import io.genesis.agents.llm.ChatAnswer;
import io.genesis.agents.llm.ChatModel;
import io.genesis.agents.llm.ChatRequest;
import io.genesis.agents.llm.LlmClient;
import io.genesis.agents.llm.ModelRoster;
import io.genesis.agents.llm.TokenPrices;
import io.genesis.catalog.BusinessArchetype;
import io.genesis.catalog.BusinessArchetypes;
import io.genesis.quality.HgmJudge;
import io.genesis.quality.QualityGrade;
import io.genesis.runtime.AgentResult;
import io.genesis.runtime.AttemptSpend;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelWorkTest {

    private static final List<String> ECHO = List.of("agent", "task_id", "task_type", "attempt", "input", "source");

    private final BusinessArchetypes archetypes = new BusinessArchetypes();
    private final AgentWork work = new AgentWork(new IdeaGenerator(archetypes, LlmClient.OFFLINE));
    private final TokenPrices prices = new TokenPrices(key -> Optional.ofNullable(Map.of(
            "genesis.llm.prices.small.input-per-million-cents", new BigDecimal("15"),
            "genesis.llm.prices.small.output-per-million-cents", new BigDecimal("60")).get(key)));
    private final Deque<ChatAnswer> answers = new ArrayDeque<>();
    private final List<ChatRequest> requests = new ArrayList<>();
    private final ChatModel model = request -> {
        requests.add(request);
        return answers.poll();
    };
    private final ModelWork modelWork = new ModelWork(model, RolePrompts.load(), prices, new HgmJudge(), work, false, 4000);
    private final ModelRoster.Choice small = new ModelRoster.Choice("small", "gemini-2.5-flash", ModelRoster.TierClass.CHEAP,
            false, 0.2, 1000, Duration.ofSeconds(5));

    /** The deterministic artefact of the agent, as a model would answer it. */
    private String deterministicAnswer(String agent, JsonObject content) throws Exception {
        var artefact = Json.createObjectBuilder(work.perform(agent, "t", 1, TaskBrief.of(content, null, archetypes), content));
        ECHO.forEach(artefact::remove);
        return artefact.build().toString();
    }

    private final AttemptSpend spend = new AttemptSpend();

    private AgentResult perform(String agent, JsonObject content) throws Exception {
        return perform(agent, content, small);
    }

    private AgentResult perform(String agent, JsonObject content, ModelRoster.Choice choice) throws Exception {
        return modelWork.perform(agent, "task-1", 1, TaskBrief.of(content, null, archetypes), content, choice, List.of(), spend);
    }

    private static ChatAnswer answer(String content, long in, long out) {
        return new ChatAnswer(content, null, "small-2026", in, out);
    }

    @Test
    void everyRolesWellFormedAnswerIsAcceptedAsTheResultWithItsCost() throws Exception {
        for (BusinessArchetype archetype : archetypes.all()) {
            JsonObject content = Contents.dagTask(archetype, "b-" + archetype.type(), "");
            for (String agent : Contents.agents()) {
                answers.add(answer(deterministicAnswer(agent, content), 1_500, 700));
                AgentResult result = perform(agent, content);
                JsonObject output = result.output().asJsonObject();
                assertEquals("llm", output.getString("source"), agent);
                assertEquals(agent, output.getString("agent"));
                assertEquals("task-1", output.getString("task_id"));
                assertEquals("small", output.getJsonObject("llm").getString("model"));
                assertEquals("small-2026", output.getJsonObject("llm").getString("answered_by"));
                assertEquals(agent + ".v1", output.getJsonObject("llm").getString("prompt"));
                assertFalse(output.getJsonObject("llm").getBoolean("repaired"));
                // 1,500 * 15 / 1e6 + 700 * 60 / 1e6 = 0.0225 + 0.042 cents
                assertEquals(new BigDecimal("0.0645"), result.costCents(), agent);
                assertNotNull(result.qualityScore());
                assertEquals("small-2026", result.model(), "the row's model is the one that answered");
                assertEquals("gemini-2.5-flash", result.modelTier(), "and the row's tier the task's DAAO tier");
            }
        }
        assertEquals(220, requests.size());
        ChatRequest request = requests.get(0);
        assertEquals("small", request.model());
        assertEquals("business_idea_generator_artefact_v1", request.schemaName());
        assertEquals(1000, request.maxTokens());
        assertEquals(Duration.ofSeconds(5), request.timeout());
    }

    @Test
    void anInvalidAnswerGetsOneRepairRoundWithItsProblemsAndBothRoundsAreBilled() throws Exception {
        JsonObject content = Contents.dagTask(archetypes.byType("saas_tool").orElseThrow(), "b-1", "test");
        answers.add(answer("{\"tests_total\": \"many\", \"summary\": \"ran\"}", 1_000, 100));
        answers.add(answer("```json\n" + deterministicAnswer("qa_agent", content) + "\n```", 1_200, 300));
        AgentResult result = perform("qa_agent", content);
        assertTrue(result.output().asJsonObject().getJsonObject("llm").getBoolean("repaired"));
        assertEquals(2_200, result.output().asJsonObject().getJsonObject("llm").getInt("prompt_tokens"));
        // (1,000 + 1,200) * 15 / 1e6 + (100 + 300) * 60 / 1e6 = 0.033 + 0.024
        assertEquals(new BigDecimal("0.0570"), result.costCents());
        assertEquals(new BigDecimal("0.0570"), spend.cents(), "both rounds were charged to the attempt as they were answered");
        ChatRequest repair = requests.get(1);
        assertEquals(4, repair.messages().size(), "system, user, the rejected answer, the problems");
        assertEquals("assistant", repair.messages().get(2).role());
        String problems = repair.messages().get(3).content();
        assertTrue(problems.contains("$.tests_total: expected integer, got string"), problems);
        assertTrue(problems.contains("missing required property tests_passed"), problems);
    }

    @Test
    void garbageTwiceFailsTheAttemptWithTheReason() {
        JsonObject content = Contents.dagTask(archetypes.byType("saas_tool").orElseThrow(), "b-1", "seo");
        answers.add(answer("I think the keywords should be...", 10, 10));
        answers.add(answer("{not json", 10, 10));
        ModelWork.Rejected rejected = assertThrows(ModelWork.Rejected.class, () -> perform("seo_agent", content));
        assertTrue(rejected.getMessage().contains("rejected after one repair round"), rejected.getMessage());
        assertTrue(rejected.getMessage().contains("not one JSON object"), rejected.getMessage());
        assertEquals(2, requests.size(), "one repair round, no more");
        // a failed attempt still costs its tokens: 2 x (10 * 15 + 10 * 60) / 1e6 = 2 x 0.00075, rounded per completion
        assertEquals(new BigDecimal("0.0016"), spend.cents(), "the rejected attempt's two completions are charged");
        assertEquals("small-2026", spend.model());
    }

    @Test
    void aTaskThatBoughtThePremiumModelOverX402PaysItsTokensWithThatPurchaseNotAgain() throws Exception {
        TokenPrices premiumPriced = new TokenPrices(key -> Optional.ofNullable(Map.of(
                "genesis.llm.prices.big.input-per-million-cents", new BigDecimal("250"),
                "genesis.llm.prices.big.output-per-million-cents", new BigDecimal("1000")).get(key)));
        ModelWork premium = new ModelWork(model, RolePrompts.load(), premiumPriced, new HgmJudge(), work, false, 4000);
        ModelRoster.Choice bought = new ModelRoster.Choice("big", "gemini-2.5-flash", ModelRoster.TierClass.PREMIUM, true, 0.2,
                1000, Duration.ofSeconds(5));
        JsonObject content = Contents.dagTask(archetypes.byType("saas_tool").orElseThrow(), "b-1", "test");
        answers.add(answer("{\"summary\": 42}", 1_000, 100));
        answers.add(answer(deterministicAnswer("qa_agent", content), 2_000, 400));
        AgentResult result = premium.perform("qa_agent", "task-1", 1, TaskBrief.of(content, null, archetypes), content, bought, List.of(), spend);
        JsonObject llm = result.output().asJsonObject().getJsonObject("llm");
        assertEquals("big", llm.getString("model"));
        assertTrue(llm.getBoolean("premium_bought"));
        assertTrue(llm.getBoolean("paid_by_purchase"));
        assertEquals(3_000, llm.getInt("prompt_tokens"), "the tokens are still recorded");
        assertEquals(500, llm.getInt("completion_tokens"));
        // unbought, these would cost 3,000 * 250 / 1e6 + 500 * 1000 / 1e6 = 1.25 cents on top of the x402 price
        assertEquals(0, BigDecimal.ZERO.compareTo(result.costCents()), "the x402 purchase (on the receipt) is the only charge");
        assertEquals(0, BigDecimal.ZERO.compareTo(llm.getJsonNumber("cost_cents").bigDecimalValue()));
        assertEquals(0, BigDecimal.ZERO.compareTo(spend.cents()), "nor is the repair round charged again");

        answers.add(answer(deterministicAnswer("qa_agent", content), 2_000, 400));
        AgentResult unbought = premium.perform("qa_agent", "task-2", 1, TaskBrief.of(content, null, archetypes), content,
                new ModelRoster.Choice("big", "gpt-4o", ModelRoster.TierClass.PREMIUM, false, 0.2, 1000, Duration.ofSeconds(5)),
                List.of(), new AttemptSpend());
        assertEquals(new BigDecimal("0.9000"), unbought.costCents(), "a premium tier without a purchase pays its tokens: 0.5 + 0.4");
    }

    @Test
    void aRefusalOrACredentialIsRejectedLikeAnInvalidAnswer() throws Exception {
        JsonObject content = Contents.dagTask(archetypes.byType("saas_tool").orElseThrow(), "b-1", "deploy");
        answers.add(new ChatAnswer("", "I can't help with that.", "small", 5, 5));
        answers.add(answer(deterministicAnswer("deploy_agent", content), 5, 5));
        assertEquals("llm", perform("deploy_agent", content).output().asJsonObject().getString("source"));
        assertTrue(requests.get(1).messages().get(3).content().contains("the model refused: I can't help with that."));

        String leaking = Json.createObjectBuilder(Json.createReader(new java.io.StringReader(deterministicAnswer("deploy_agent", content)))
                .readObject()).add("provider", "Vercel with token sk-proj-abcdefghijklmnopqrstuvwxyz0123456789ABCD").build().toString();
        answers.add(answer(leaking, 5, 5));
        answers.add(answer(leaking, 5, 5));
        ModelWork.Rejected rejected = assertThrows(ModelWork.Rejected.class, () -> perform("deploy_agent", content));
        assertTrue(rejected.getMessage().contains("credential"), rejected.getMessage());
        assertFalse(rejected.getMessage().contains("sk-proj-abcdefghij"), "the reason never repeats the secret");
    }

    @Test
    void anAnswerTheJudgeGradesBelowItsThresholdIsRejected() throws Exception {
        HgmJudge strict = new HgmJudge() {
            @Override
            public QualityGrade grade(String agent, String taskType, JsonObject output) {
                return new QualityGrade(0.5, Map.of(HgmJudge.OVERALL, 50.0), 42.0);
            }
        };
        ModelWork judged = new ModelWork(model, RolePrompts.load(), prices, strict, work, false, 4000);
        JsonObject content = Contents.dagTask(archetypes.byType("saas_tool").orElseThrow(), "b-1", "test");
        answers.add(answer(deterministicAnswer("qa_agent", content), 1, 1));
        answers.add(answer(deterministicAnswer("qa_agent", content), 1, 1));
        ModelWork.Rejected rejected = assertThrows(ModelWork.Rejected.class,
                () -> judged.perform("qa_agent", "t", 1, TaskBrief.of(content, null, archetypes), content, small, List.of(), spend));
        assertTrue(rejected.getMessage().contains("the quality judge scored the answer 42.0 (CMP), below 70"), rejected.getMessage());
    }
}
