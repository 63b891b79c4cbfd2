package io.genesis.agents;

import io.genesis.agents.llm.LlmClient;
import io.genesis.agents.llm.LlmException;
import io.genesis.catalog.BusinessArchetype;
import io.genesis.catalog.BusinessArchetypes;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdeaGeneratorTest {

    private static final BusinessArchetypes ARCHETYPES = new BusinessArchetypes();
    private static final String MODEL_IDEA = """
            Here it is:
            ```json
            {"name": "Ledgerly", "description": "Bookkeeping inbox for freelancers.",
             "mvp_features": ["Receipt capture", "Bank sync", "Tax summary"], "tech_stack": ["Next.js", "PostgreSQL"],
             "monetization": "Freemium, $12/month", "target_market": "Freelancers"}
            ```""";

    private final IdeaGenerator offline = new IdeaGenerator(ARCHETYPES, LlmClient.OFFLINE);

    private static IdeaGenerator answering(String answer) {
        return new IdeaGenerator(ARCHETYPES, (system, user, options) -> Optional.of(answer));
    }

    @Test
    void offlineIdeaIsTheArchetypesAndDeterministic() {
        for (BusinessArchetype archetype : ARCHETYPES.all()) {
            BusinessIdea idea = offline.offline(archetype.type(), null, MemoryHint.NONE);
            assertEquals(idea, offline.offline(archetype.type(), null, MemoryHint.NONE));
            assertEquals(archetype.type(), idea.businessType());
            assertEquals(archetype.techStack(), idea.techStack());
            assertEquals(archetype.monetizationModel(), idea.monetization());
            assertEquals(archetype.targetMarket(), idea.targetMarket());
            assertEquals(archetype.typicalFeatures().size(), idea.mvpFeatures().size());
            assertTrue(archetype.typicalFeatures().containsAll(idea.mvpFeatures()));
            assertTrue(idea.description().startsWith(idea.name() + " is "), idea.description());
            assertEquals(BusinessIdea.OFFLINE, idea.source());
        }
    }

    @Test
    void requirementsExtendFilterAndReorderTheFeatures() {
        JsonObject requirements = Json.createObjectBuilder()
                .add("mvp_features", Json.createArrayBuilder().add("Slack notifications"))
                .add("exclude_features", Json.createArrayBuilder().add("OAuth"))
                .add("keywords", Json.createArrayBuilder().add("dashboard"))
                .add("max_features", 4)
                .add("tech_stack", Json.createArrayBuilder().add("Supabase"))
                .add("target_audience", "Agencies")
                .build();
        BusinessIdea idea = offline.offline("saas_tool", requirements, MemoryHint.NONE);
        assertEquals(List.of("Slack notifications", "Usage dashboard", "Core workflow editor", "Team workspaces with invitations"),
                idea.mvpFeatures());
        assertEquals("Supabase", idea.techStack().get(0));
        assertEquals("Agencies", idea.targetMarket());
    }

    @Test
    void explicitNameAndDescriptionWin() {
        JsonObject requirements = Json.createObjectBuilder().add("name", "Invoicer").add("description", "Invoices in one click.").build();
        BusinessIdea idea = offline.offline("saas_tool", requirements, MemoryHint.NONE);
        assertEquals("Invoicer", idea.name());
        assertEquals("Invoices in one click.", idea.description());
    }

    @Test
    void memoryHintAvoidsPastNamesAndIsMentioned() {
        String first = offline.offline("api_service", null, MemoryHint.NONE).name();
        BusinessIdea next = offline.offline("api_service", null, new MemoryHint(1, List.of(first)));
        assertNotEquals(first, next.name());
        assertTrue(next.description().contains("Unlike the 1 similar business built before (" + first + ")"), next.description());
    }

    @Test
    void unknownTypeAndExcludingEveryFeatureAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> offline.offline("time_machine", null, MemoryHint.NONE));
        // every saas_tool feature has an "e" in it
        JsonObject excludeAll = Json.createObjectBuilder().add("exclude_features", Json.createArrayBuilder().add("e")).build();
        assertThrows(IllegalArgumentException.class, () -> offline.offline("saas_tool", excludeAll, MemoryHint.NONE));
    }

    @Test
    void aValidModelAnswerIsUsedWithTheRequirementsLaidOverIt() throws Exception {
        AtomicReference<String> prompt = new AtomicReference<>();
        IdeaGenerator generator = new IdeaGenerator(ARCHETYPES, (system, user, options) -> {
            prompt.set(user);
            return Optional.of(MODEL_IDEA);
        });
        JsonObject requirements = Json.createObjectBuilder().add("mvp_features", Json.createArrayBuilder().add("CSV export")).build();
        BusinessIdea idea = generator.generate("saas_tool", requirements, new MemoryHint(2, List.of("Booksy", "Taxly")));
        assertEquals(BusinessIdea.LLM, idea.source());
        assertEquals("Ledgerly", idea.name());
        assertEquals(List.of("CSV export", "Receipt capture", "Bank sync", "Tax summary"), idea.mvpFeatures());
        assertTrue(prompt.get().contains("\"Booksy\""), prompt.get());
        assertTrue(prompt.get().contains("saas_tool"), prompt.get());
    }

    @Test
    void invalidModelAnswersFallBackToTheOfflineIdea() throws Exception {
        BusinessIdea expected = offline.offline("saas_tool", null, MemoryHint.NONE);
        List<String> invalid = List.of(
                "no JSON at all",
                "{\"name\": \"Half\"}",
                "{\"name\": \"x\", \"description\": \"d\", \"mvp_features\": \"not a list\", \"tech_stack\": [\"a\"],"
                        + " \"monetization\": \"m\", \"target_market\": \"t\"}",
                MODEL_IDEA.replace("Bookkeeping inbox for freelancers.", "Send a phishing email to every freelancer."),
                MODEL_IDEA.replace("Bank sync", "Bank sync with token=abcdef123456"));
        for (String answer : invalid) {
            assertEquals(expected, answering(answer).generate("saas_tool", null, MemoryHint.NONE), answer);
        }
        assertEquals(BusinessIdea.OFFLINE, answering(MODEL_IDEA).generate("saas_tool", null,
                new MemoryHint(1, List.of("ledgerly"))).source(), "a past name is not reused");
    }

    @Test
    void aFailingModelFallsBackToTheOfflineIdea() throws Exception {
        IdeaGenerator failing = new IdeaGenerator(ARCHETYPES, (system, user, options) -> {
            throw new LlmException(503, "LLM endpoint answered 503");
        });
        assertEquals(offline.offline("marketplace", null, MemoryHint.NONE), failing.generate("marketplace", null, MemoryHint.NONE));
    }

    @Test
    void theAgentReadsRequirementsAndMemoryFromTheContent() throws Exception {
        JsonObject content = Json.createObjectBuilder()
                .add("business_type", "newsletter_automation")
                .add("requirements", Json.createObjectBuilder().add("name", "Weekly Pulse"))
                .add("memory_hint", Json.createObjectBuilder().add("similar_count", 3)
                        .add("similar_names", Json.createArrayBuilder().add("Inbox Daily")))
                .build();
        Artefact artefact = offline.perform(TaskBrief.of(content, JsonValue.EMPTY_JSON_OBJECT, ARCHETYPES));
        assertEquals("Weekly Pulse", artefact.fields().getString("name"));
        assertEquals("newsletter_automation", artefact.fields().getString("business_type"));
        assertTrue(artefact.fields().getString("description").contains("3 similar businesses"));
    }
}
