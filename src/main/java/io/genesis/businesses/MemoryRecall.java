package io.genesis.businesses;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.util.List;

/** What memory knows about businesses like this one: how many succeeded before, and their names. */
public record MemoryRecall(long similarBusinesses, List<String> examples) {

    public static final MemoryRecall NONE = new MemoryRecall(0, List.of());

    public JsonObject toJson() {
        JsonArrayBuilder names = Json.createArrayBuilder();
        examples.forEach(names::add);
        return Json.createObjectBuilder().add("similar_businesses", similarBusinesses).add("examples", names).build();
    }
}
