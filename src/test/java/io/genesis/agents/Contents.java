package io.genesis.agents;

import io.genesis.catalog.BusinessArchetype;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/** Task contents as the Meta-Agent publishes them, and the agent names of the configuration. */
final class Contents {

    static final String META_AGENT = "genesis_meta_agent";

    private Contents() {
    }

    /** The agents of {@code genesis.agents} without the orchestrator. */
    static List<String> agents() {
        Properties properties = new Properties();
        try (InputStream in = Contents.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Arrays.stream(properties.getProperty("genesis.agents").split(","))
                .map(String::strip)
                .filter(agent -> !agent.equals(META_AGENT))
                .toList();
    }

    static JsonObject dagTask(BusinessArchetype archetype, String businessId, String taskType) {
        return dagTask(archetype, businessId, taskType, Json.createObjectBuilder());
    }

    static JsonObject dagTask(BusinessArchetype archetype, String businessId, String taskType, JsonObjectBuilder dependencies) {
        return Json.createObjectBuilder()
                .add("business_id", businessId)
                .add("business_type", archetype.type())
                .add("business_name", "Quill Ledger")
                .add("description", archetype.description())
                .add("features", Json.createArrayBuilder(archetype.typicalFeatures()))
                .add("tech_stack", Json.createArrayBuilder(archetype.techStack()))
                .add("monetization", archetype.monetizationModel())
                .add("target_market", archetype.targetMarket())
                .add("task", Json.createObjectBuilder()
                        .add("task_id", archetype.type() + "_" + businessId + "_3")
                        .add("task_type", taskType)
                        .add("description", "Work on " + archetype.name())
                        .add("phase", "build"))
                .add("dependencies", dependencies)
                .build();
    }
}
