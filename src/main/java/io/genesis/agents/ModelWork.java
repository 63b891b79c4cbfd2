package io.genesis.agents;

import io.genesis.agents.llm.ChatAnswer;
import io.genesis.agents.llm.ChatMessage;
import io.genesis.agents.llm.ChatModel;
import io.genesis.agents.llm.ChatRequest;
import io.genesis.agents.llm.ModelRoster;
import io.genesis.agents.llm.TokenPrices;
import io.genesis.api.JsonConventions;
import io.genesis.quality.HgmJudge;
import io.genesis.quality.QualityGrade;
import io.genesis.runtime.AgentResult;
import io.genesis.runtime.AttemptSpend;
import io.genesis.safety.CredentialRedactor;
import io.genesis.safety.SafetyVerdict;
import io.genesis.safety.WaltzRlSafetyGate;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One attempt of an agent's role on the model: the role's prompt with the artefact schema, the answer checked
 * against the schema, the WaltzRL safety gate, the credential redactor and the HGM judge (CMP at least
 * {@value HgmJudge#CMP_THRESHOLD}); a rejected answer gets one repair round (the answer and the problems are sent
 * back), a second rejection fails the attempt ({@link Rejected}) so the runtime's retries and dead letters apply.
 * The result is the role's artefact in the shape of the deterministic work ({@link AgentWork#result}), with
 * {@code source: "llm"} and {@code llm} (model asked and answering, tier, prompt version, token usage of both rounds,
 * whether it was repaired, cost); its cost is the token usage of both rounds priced by {@link TokenPrices} (nothing
 * when the task bought the premium model over x402), and it names the answering model and the task's DAAO tier.
 */
final class ModelWork {

    static final String SOURCE = "llm";
    static final int MAX_PROBLEMS_SENT = 10;
    static final int EXCERPT_CHARS = 300;

    private final ChatModel chat;
    private final RolePrompts prompts;
    private final TokenPrices prices;
    private final HgmJudge judge;
    private final AgentWork work;
    private final boolean schemaInPrompt;
    private final int maxDependencyChars;
    private final WaltzRlSafetyGate gate = new WaltzRlSafetyGate();

    /** The model's answer was rejected twice; the message lists why (redacted, never the answer itself). */
    static final class Rejected extends Exception {
        Rejected(String message) {
            super(message, null, false, false);
        }
    }

    /** What checking one answer found: the artefact's result and grade, or the problems. */
    private record Checked(JsonObject result, QualityGrade grade, List<String> problems) {
    }

    ModelWork(ChatModel chat, RolePrompts prompts, TokenPrices prices, HgmJudge judge, AgentWork work, boolean schemaInPrompt,
              int maxDependencyChars) {
        this.chat = chat;
        this.prompts = prompts;
        this.prices = prices;
        this.judge = judge;
        this.work = work;
        this.schemaInPrompt = schemaInPrompt;
        this.maxDependencyChars = maxDependencyChars;
    }

    /**
     * One attempt. Each completion's tokens are charged to {@code spend} as soon as it is answered, so an attempt that
     * is then rejected (or fails on its repair round) still costs what it used; a task that bought the premium model
     * over x402 ({@link ModelRoster.Choice#premiumBought()}) has paid for its calls with that purchase, so its tokens
     * are recorded but cost nothing more.
     */
    AgentResult perform(String agent, String taskId, int attempt, TaskBrief brief, JsonValue content, ModelRoster.Choice choice,
                        List<CaseHint> cases, AttemptSpend spend) throws InterruptedException, Rejected {
        RolePrompts.Role role = prompts.role(agent).orElseThrow(() -> new IllegalArgumentException("no prompt for " + agent));
        RolePrompts.Prompt prompt = prompts.prompt(role, brief, MemoryHint.of(brief.content().get("memory_hint")), cases,
                schemaInPrompt, maxDependencyChars);
        List<ChatMessage> messages = new ArrayList<>(List.of(ChatMessage.system(prompt.system()), ChatMessage.user(prompt.user())));
        ChatAnswer first = charged(chat.chat(request(role, choice, messages)), choice, spend);
        Checked checked = check(role, agent, taskId, attempt, brief, content, first);
        ChatAnswer last = first;
        if (!checked.problems().isEmpty()) {
            messages.add(ChatMessage.assistant(first.refused() ? first.refusal() : first.content()));
            messages.add(ChatMessage.user(repair(role, checked.problems())));
            last = charged(chat.chat(request(role, choice, messages)), choice, spend);
            checked = check(role, agent, taskId, attempt, brief, content, last);
            if (!checked.problems().isEmpty()) {
                throw new Rejected("the model's answer for " + agent + " was rejected after one repair round: "
                        + String.join("; ", checked.problems().subList(0, Math.min(MAX_PROBLEMS_SENT, checked.problems().size()))));
            }
        }
        long promptTokens = first.promptTokens() + (last == first ? 0 : last.promptTokens());
        long completionTokens = first.completionTokens() + (last == first ? 0 : last.completionTokens());
        // the answer's cost: both rounds' tokens priced together (what each completion charged the attempt, rounded per
        // completion, counts only if the attempt fails)
        BigDecimal cost = choice.premiumBought() ? BigDecimal.ZERO.setScale(TokenPrices.SCALE)
                : prices.costCents(choice.model(), promptTokens, completionTokens);
        String answeredBy = answeredBy(choice, last);
        var llm = JsonConventions.json().createObjectBuilder()
                .add("model", choice.model())
                .add("answered_by", answeredBy)
                .add("tier_class", choice.tierClass().key())
                .add("premium_bought", choice.premiumBought())
                .add("prompt", role.promptName())
                .add("prompt_tokens", promptTokens)
                .add("completion_tokens", completionTokens)
                .add("repaired", last != first)
                .add("priced", prices.priced(choice.model()))
                .add("paid_by_purchase", choice.premiumBought())
                .add("cost_cents", cost);
        if (choice.tier() != null) {
            llm.add("tier", choice.tier());
        }
        JsonObject output = JsonConventions.json().createObjectBuilder(checked.result()).add("llm", llm).build();
        return new AgentResult(output, cost, checked.grade().score(), answeredBy, choice.tier());
    }

    /** The answer, once its cost is charged to the attempt. */
    private ChatAnswer charged(ChatAnswer answer, ModelRoster.Choice choice, AttemptSpend spend) {
        spend.charge(cost(choice, answer), answeredBy(choice, answer));
        return answer;
    }

    /** One completion's tokens at the model's price; nothing when the premium model was bought over x402 for the task. */
    private BigDecimal cost(ModelRoster.Choice choice, ChatAnswer answer) {
        return choice.premiumBought() ? BigDecimal.ZERO.setScale(TokenPrices.SCALE)
                : prices.costCents(choice.model(), answer.promptTokens(), answer.completionTokens());
    }

    private static String answeredBy(ModelRoster.Choice choice, ChatAnswer answer) {
        return answer.model() == null || answer.model().isBlank() ? choice.model() : answer.model();
    }

    private ChatRequest request(RolePrompts.Role role, ModelRoster.Choice choice, List<ChatMessage> messages) {
        return new ChatRequest(choice.model(), messages, choice.temperature(), choice.maxTokens(), choice.timeout(),
                role.schemaName(), role.schema().json());
    }

    private static String repair(RolePrompts.Role role, List<String> problems) {
        return "Your answer was rejected: " + String.join("; ", problems.subList(0, Math.min(MAX_PROBLEMS_SENT, problems.size())))
                + ". Answer again with one corrected JSON object matching the schema " + role.schemaName() + ", and nothing else.";
    }

    private Checked check(RolePrompts.Role role, String agent, String taskId, int attempt, TaskBrief brief, JsonValue content,
                          ChatAnswer answer) {
        if (answer.refused()) {
            return rejected("the model refused: " + excerpt(answer.refusal()));
        }
        JsonObject artefact;
        try {
            artefact = parse(answer.content());
        } catch (JsonException | IllegalStateException e) {
            return rejected("the answer is not one JSON object: " + excerpt(answer.content()));
        }
        List<String> problems = new ArrayList<>(role.schema().validate(artefact));
        if (!problems.isEmpty()) {
            return new Checked(null, null, problems);
        }
        String text = strings(artefact);
        if (CredentialRedactor.containsCredential(text)) {
            return rejected("the answer contains something that looks like a credential; never include keys, tokens or passwords");
        }
        SafetyVerdict verdict = gate.check(text);
        if (!verdict.safe()) {
            return rejected("the answer was refused by the safety gate: " + verdict.explanation());
        }
        JsonObject fields = JsonConventions.json().createObjectBuilder(artefact).remove("summary").build();
        JsonObject result = JsonConventions.json().createObjectBuilder(work.result(agent, taskId, attempt, brief, content,
                new Artefact(artefact.getString("summary"), fields))).add("source", SOURCE).build();
        QualityGrade grade = judge.grade(agent, work.taskType(agent, brief), result);
        if (!grade.passes()) {
            return rejected(String.format(Locale.ROOT, "the quality judge scored the answer %.1f (CMP), below %.0f: %s",
                    grade.cmp(), HgmJudge.CMP_THRESHOLD, grade.dimensions()));
        }
        return new Checked(result, grade, List.of());
    }

    private static Checked rejected(String problem) {
        return new Checked(null, null, List.of(problem));
    }

    /** The JSON object of an answer, tolerating a Markdown fence or text around it. */
    static JsonObject parse(String answer) {
        int start = answer.indexOf('{');
        int end = answer.lastIndexOf('}');
        if (start < 0 || end < start) {
            throw new IllegalStateException("no JSON object");
        }
        try (JsonReader reader = JsonConventions.json().createReader(new StringReader(answer.substring(start, end + 1)))) {
            return reader.readObject();
        }
    }

    private static String strings(JsonValue value) {
        StringBuilder text = new StringBuilder();
        collect(value, text);
        return text.toString();
    }

    private static void collect(JsonValue value, StringBuilder text) {
        switch (value.getValueType()) {
            case OBJECT -> value.asJsonObject().values().forEach(child -> collect(child, text));
            case ARRAY -> value.asJsonArray().forEach(child -> collect(child, text));
            case STRING -> text.append(((JsonString) value).getString()).append('\n');
            default -> {
            }
        }
    }

    private static String excerpt(String text) {
        String redacted = CredentialRedactor.redact(text == null ? "" : text.strip());
        return redacted.length() <= EXCERPT_CHARS ? redacted : redacted.substring(0, EXCERPT_CHARS) + "…";
    }
}
