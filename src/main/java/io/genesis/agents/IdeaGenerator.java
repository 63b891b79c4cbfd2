package io.genesis.agents;

import io.genesis.api.JsonConventions;
import io.genesis.agents.llm.LlmClient;
import io.genesis.agents.llm.LlmException;
import io.genesis.agents.llm.LlmOptions;
import io.genesis.catalog.AgentName;
import io.genesis.catalog.BusinessArchetype;
import io.genesis.catalog.BusinessArchetypes;
import io.genesis.runtime.PermanentFailure;
import io.genesis.safety.CredentialRedactor;
import io.genesis.safety.WaltzRlSafetyGate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Generates the business idea of the GENERATING_IDEA step, consistent with the archetype of the business type.
 *
 * <p>Offline (always available, deterministic in type + requirements + memory hint): explicit requirements win
 * ({@code name}, {@code description}, {@code monetization}, {@code target_market} or {@code target_audience});
 * {@code mvp_features} (or {@code features}) come first, then the archetype's typical features most relevant to the
 * requirements' {@code description} and {@code keywords}, minus any matching {@code exclude_features}, at most
 * {@code max_features} in all (the required ones are always kept); {@code tech_stack} comes before the archetype's
 * stack. Without a name, one is invented that none of the similar past businesses has.
 *
 * <p>With a model configured ({@code genesis.llm.base-url}), the model is asked for the same fields as JSON; its answer
 * is used only if it parses, has every field within bounds, reuses no past name and passes the safety gate, and the
 * explicit requirements are laid over it. On any error the offline idea is returned.
 */
@ApplicationScoped
public class IdeaGenerator {

    private static final Logger LOG = Logger.getLogger(IdeaGenerator.class.getName());

    static final double TEMPERATURE = 0.7;
    static final int MAX_TOKENS = 800;
    static final int MAX_NAME_CHARS = 80;
    static final int MAX_TEXT_CHARS = 1_000;
    static final int MAX_ITEM_CHARS = 120;
    static final int MAX_ITEMS = 15;
    static final int MIN_KEYWORD_LENGTH = 4;
    static final int NAMES_IN_DESCRIPTION = 3;
    static final String SYSTEM_PROMPT = "You propose one small online business that an autonomous team of agents can build"
            + " and launch within a day. Answer with a single JSON object and nothing else, with exactly these keys:"
            + " name (string), description (string, at most three sentences), mvp_features (array of 5 to 8 short strings),"
            + " tech_stack (array of strings), monetization (string), target_market (string).";

    @Inject
    BusinessArchetypes archetypes;

    @Inject
    LlmClient llm;

    @Inject
    AgentModels models;

    private final WaltzRlSafetyGate gate = new WaltzRlSafetyGate();

    IdeaGenerator() {
    }

    public IdeaGenerator(BusinessArchetypes archetypes, LlmClient llm) {
        this.archetypes = archetypes;
        this.llm = llm;
    }

    /** The requirements the caller may state; every field optional. */
    private record Requirements(Optional<String> name, Optional<String> description, List<String> features,
                                List<String> excluded, Optional<Integer> maxFeatures, List<String> techStack,
                                Optional<String> monetization, Optional<String> targetMarket, List<String> keywords) {

        static Requirements of(JsonObject json) {
            List<String> features = Stream.concat(TaskBrief.texts(json, "mvp_features").orElse(List.of()).stream(),
                    TaskBrief.texts(json, "features").orElse(List.of()).stream()).toList();
            return new Requirements(TaskBrief.text(json, "name"), TaskBrief.text(json, "description"), distinct(features),
                    TaskBrief.texts(json, "exclude_features").orElse(List.of()),
                    json.get("max_features") instanceof JsonNumber max && max.intValue() > 0
                            ? Optional.of(max.intValue()) : Optional.empty(),
                    TaskBrief.texts(json, "tech_stack").orElse(List.of()),
                    TaskBrief.text(json, "monetization"),
                    TaskBrief.text(json, "target_market").or(() -> TaskBrief.text(json, "target_audience")),
                    TaskBrief.texts(json, "keywords").orElse(List.of()));
        }

        BusinessIdea over(BusinessIdea idea) {
            List<String> mvp = new ArrayList<>(features);
            mvp.addAll(idea.mvpFeatures());
            List<String> stack = new ArrayList<>(techStack);
            stack.addAll(idea.techStack());
            return new BusinessIdea(idea.businessType(), name.orElse(idea.name()), description.orElse(idea.description()),
                    distinct(mvp), distinct(stack), monetization.orElse(idea.monetization()),
                    targetMarket.orElse(idea.targetMarket()), idea.source());
        }
    }

    /**
     * The idea of a business of {@code tenant}: from the model when {@link AgentModels} lets that tenant's idea
     * generator use it, otherwise {@link #offline}.
     */
    public BusinessIdea generate(String tenant, String businessType, JsonObject requirements, MemoryHint memory)
            throws InterruptedException {
        if (models != null && !models.uses(tenant, AgentName.BUSINESS_IDEA_GENERATOR.id())) {
            return offline(businessType, requirements, memory);
        }
        return generate(businessType, requirements, memory);
    }

    /** The idea: from the model when one is configured and answers well, otherwise {@link #offline}. */
    public BusinessIdea generate(String businessType, JsonObject requirements, MemoryHint memory) throws InterruptedException {
        BusinessIdea offline = offline(businessType, requirements, memory);
        Optional<String> answer;
        try {
            answer = llm.complete(SYSTEM_PROMPT, prompt(archetype(businessType), requirements, memory),
                    new LlmOptions(TEMPERATURE, MAX_TOKENS));
        } catch (LlmException e) {
            LOG.warning("Idea for " + businessType + " generated offline: " + e.getMessage());
            return offline;
        }
        if (answer.isEmpty()) {
            return offline;
        }
        Optional<BusinessIdea> idea = fromModel(answer.get(), businessType, memory).map(Requirements.of(orEmpty(requirements))::over);
        if (idea.isEmpty()) {
            LOG.warning("Idea for " + businessType + " generated offline: the model's answer was not a valid idea");
        }
        return idea.orElse(offline);
    }

    /**
     * The deterministic idea for the type, requirements and memory hint.
     *
     * @throws IllegalArgumentException if the business type is not one of the archetypes, or the requirements exclude
     *                                  every feature
     */
    public BusinessIdea offline(String businessType, JsonObject requirements, MemoryHint memory) {
        BusinessArchetype archetype = archetype(businessType);
        JsonObject json = orEmpty(requirements);
        Requirements wanted = Requirements.of(json);
        MemoryHint past = memory == null ? MemoryHint.NONE : memory;

        Set<String> focus = Stream.concat(wanted.description().stream(), wanted.keywords().stream())
                .flatMap(text -> Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")))
                .filter(word -> word.length() >= MIN_KEYWORD_LENGTH)
                .collect(Collectors.toSet());
        List<String> typical = archetype.typicalFeatures().stream()
                .filter(feature -> wanted.excluded().stream().noneMatch(excluded ->
                        feature.toLowerCase(Locale.ROOT).contains(excluded.toLowerCase(Locale.ROOT))))
                .sorted(Comparator.comparingLong((String feature) -> -relevance(feature, focus)))
                .toList();
        List<String> candidates = distinct(Stream.concat(wanted.features().stream(), typical.stream()).toList());
        int limit = Math.max(wanted.maxFeatures().orElse(candidates.size()), wanted.features().size());
        List<String> features = candidates.subList(0, Math.min(limit, candidates.size()));
        if (features.isEmpty()) {
            throw new IllegalArgumentException("the requirements exclude every feature of " + archetype.type());
        }

        String name = wanted.name().orElseGet(() -> BrandNames.generate(1, Set.copyOf(past.similarNames()),
                archetype.type(), json.toString(), String.valueOf(past.similarCount())).get(0));
        String description = wanted.description().orElseGet(() -> describe(name, archetype, features, past));
        BusinessIdea idea = new BusinessIdea(archetype.type(), name, description, features, archetype.techStack(),
                archetype.monetizationModel(), archetype.targetMarket(), BusinessIdea.OFFLINE);
        return wanted.over(idea);
    }

    /**
     * The agent role's offline work (the model's work is {@link ModelAgents}'): content
     * {@code {business_type, requirements?, memory_hint?}}, requirements also read inline.
     */
    Artefact perform(TaskBrief brief) throws PermanentFailure {
        JsonObject content = brief.content();
        JsonObject requirements = content.get("requirements") instanceof JsonObject json ? json : content;
        String type = TaskBrief.text(content, "business_type").orElse(TaskBrief.DEFAULT_BUSINESS_TYPE);
        BusinessIdea idea;
        try {
            idea = offline(type, requirements, MemoryHint.of(content.get("memory_hint")));
        } catch (IllegalArgumentException e) {
            throw new PermanentFailure(e.getMessage());
        }
        JsonObject fields = idea.toJson();
        return new Artefact("Proposed " + idea.name() + " (" + type + ") with " + idea.mvpFeatures().size() + " MVP features, "
                + idea.source(), fields);
    }

    private BusinessArchetype archetype(String businessType) {
        return archetypes.byType(businessType).orElseThrow(() ->
                new IllegalArgumentException("unknown business type " + businessType + "; known: " + archetypes.types()));
    }

    private static String describe(String name, BusinessArchetype archetype, List<String> features, MemoryHint past) {
        String text = name + " is " + Phrases.lowerFirst(archetype.description())
                + " It leads with " + Phrases.lowerFirst(features.get(0)) + ".";
        if (past.similarCount() == 0) {
            return text;
        }
        String examples = past.similarNames().isEmpty() ? ""
                : " (" + String.join(", ", past.similarNames().subList(0, Math.min(NAMES_IN_DESCRIPTION, past.similarNames().size()))) + ")";
        return text + " Unlike the " + past.similarCount() + " similar " + (past.similarCount() == 1 ? "business" : "businesses")
                + " built before" + examples + ", it puts " + Phrases.lowerFirst(features.get(0)) + " first.";
    }

    private String prompt(BusinessArchetype archetype, JsonObject requirements, MemoryHint memory) {
        MemoryHint past = memory == null ? MemoryHint.NONE : memory;
        return JsonConventions.json().createObjectBuilder()
                .add("business_type", archetype.type())
                .add("archetype", JsonConventions.json().createObjectBuilder()
                        .add("description", archetype.description())
                        .add("typical_features", JsonConventions.json().createArrayBuilder(archetype.typicalFeatures()))
                        .add("tech_stack", JsonConventions.json().createArrayBuilder(archetype.techStack()))
                        .add("monetization", archetype.monetizationModel())
                        .add("target_market", archetype.targetMarket()))
                .add("requirements", orEmpty(requirements))
                .add("similar_past_businesses", JsonConventions.json().createObjectBuilder()
                        .add("count", past.similarCount())
                        .add("names", JsonConventions.json().createArrayBuilder(past.similarNames())))
                .add("instructions", "Stay consistent with the archetype, honour the requirements, and choose a name"
                        + " none of the similar past businesses has.")
                .build().toString();
    }

    /** The model's idea if its answer is a JSON object with every field present, within bounds and safe. */
    private Optional<BusinessIdea> fromModel(String answer, String businessType, MemoryHint memory) {
        int start = answer.indexOf('{');
        int end = answer.lastIndexOf('}');
        if (start < 0 || end < start) {
            return Optional.empty();
        }
        JsonObject json;
        try (JsonReader reader = JsonConventions.json().createReader(new StringReader(answer.substring(start, end + 1)))) {
            json = reader.readObject();
        } catch (JsonException e) {
            return Optional.empty();
        }
        Map<String, Optional<String>> texts = new LinkedHashMap<>();
        for (String key : List.of("name", "description", "monetization", "target_market")) {
            texts.put(key, TaskBrief.text(json, key).filter(text -> text.length() <= (key.equals("name") ? MAX_NAME_CHARS : MAX_TEXT_CHARS)));
        }
        Optional<List<String>> features = items(json, "mvp_features");
        Optional<List<String>> stack = items(json, "tech_stack");
        if (texts.values().stream().anyMatch(Optional::isEmpty) || features.isEmpty() || stack.isEmpty()) {
            return Optional.empty();
        }
        String name = texts.get("name").orElseThrow();
        MemoryHint past = memory == null ? MemoryHint.NONE : memory;
        if (past.similarNames().stream().anyMatch(name::equalsIgnoreCase)) {
            return Optional.empty();
        }
        BusinessIdea idea = new BusinessIdea(businessType, name, texts.get("description").orElseThrow(), features.get(), stack.get(),
                texts.get("monetization").orElseThrow(), texts.get("target_market").orElseThrow(), BusinessIdea.LLM);
        String text = idea.toJson().toString();
        return CredentialRedactor.containsCredential(text) || !gate.check(text).safe() ? Optional.empty() : Optional.of(idea);
    }

    private static Optional<List<String>> items(JsonObject json, String key) {
        return TaskBrief.texts(json, key)
                .filter(list -> list.size() <= MAX_ITEMS && list.stream().allMatch(item -> item.length() <= MAX_ITEM_CHARS));
    }

    private static long relevance(String feature, Set<String> focus) {
        String lower = feature.toLowerCase(Locale.ROOT);
        return focus.stream().filter(lower::contains).count();
    }

    private static List<String> distinct(List<String> values) {
        Map<String, String> unique = new LinkedHashMap<>();
        values.forEach(value -> unique.putIfAbsent(value.toLowerCase(Locale.ROOT), value));
        return List.copyOf(unique.values());
    }

    private static JsonObject orEmpty(JsonObject json) {
        return json == null ? JsonValue.EMPTY_JSON_OBJECT : json;
    }
}
