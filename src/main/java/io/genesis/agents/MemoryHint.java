package io.genesis.agents;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.List;

/**
 * What memory knows about similar past businesses, as the caller found it: how many there were and their names.
 * The idea generator avoids those names and says how the new idea differs.
 */
public record MemoryHint(int similarCount, List<String> similarNames) {

    public static final MemoryHint NONE = new MemoryHint(0, List.of());

    public MemoryHint {
        similarNames = List.copyOf(similarNames);
        if (similarCount < similarNames.size()) {
            similarCount = similarNames.size();
        }
    }

    /** {@code {"similar_count": 2, "similar_names": ["..."]}}; anything else is {@link #NONE}. */
    public static MemoryHint of(JsonValue json) {
        if (!(json instanceof JsonObject object)) {
            return NONE;
        }
        int count = object.get("similar_count") instanceof JsonNumber number ? Math.max(0, number.intValue()) : 0;
        return new MemoryHint(count, TaskBrief.texts(object, "similar_names").orElse(List.of()));
    }
}
