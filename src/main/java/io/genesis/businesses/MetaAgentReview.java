package io.genesis.businesses;

import io.genesis.api.JsonConventions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;

/** A review/coordination task HALO gave to the Meta-Agent itself: a consolidated view of its inputs. */
@ApplicationScoped
public class MetaAgentReview {

    public JsonObject review(JsonObject message) {
        JsonObject deps = message.getJsonObject("dependencies");
        int inputs = deps == null ? 0 : deps.size();
        JsonObject task = message.getJsonObject("task");
        return JsonConventions.json().createObjectBuilder()
                .add("summary", "reviewed " + inputs + " upstream result(s) for " + message.getString("business_name", "the business"))
                .add("task_type", task == null ? "review" : task.getString("task_type", "review"))
                .add("reviewed_inputs", inputs)
                .add("approved", true)
                .build();
    }
}
