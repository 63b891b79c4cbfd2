package io.genesis.businesses;

import io.genesis.api.JsonConventions;
import io.genesis.catalog.TaskAssignment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;

import java.util.Objects;

/** A review/coordination task HALO gave to the Meta-Agent itself: a consolidated view of its inputs. */
@ApplicationScoped
public class MetaAgentReview {

    public JsonObject review(JsonObject message) {
        TaskAssignment assignment = TaskAssignment.parse(message);
        int inputs = assignment.dependencies().size();
        return JsonConventions.json().createObjectBuilder()
                .add("summary", "reviewed " + inputs + " upstream result(s) for "
                        + Objects.requireNonNullElse(assignment.business().name(), "the business"))
                .add("task_type", Objects.requireNonNullElse(assignment.task().taskType(), "review"))
                .add("reviewed_inputs", inputs)
                .add("approved", true)
                .build();
    }
}
