package io.genesis.businesses;

import io.genesis.api.JsonConventions;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.util.List;

/** What memory knows about businesses like this one: how many succeeded before, and their names. */
public record MemoryRecall(long similarBusinesses, List<String> examples) {

    public static final MemoryRecall NONE = new MemoryRecall(0, List.of());

    public JsonObject toJson() {
        JsonArrayBuilder names = JsonConventions.json().createArrayBuilder();
        examples.forEach(names::add);
        return JsonConventions.json().createObjectBuilder().add("similar_businesses", similarBusinesses).add("examples", names).build();
    }
}
