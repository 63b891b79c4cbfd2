package io.genesis.runtime.boundary;

import io.genesis.api.JsonConventions;
import io.genesis.runtime.ops.StreamIds;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The optional body of a dead-letter replay: {@code {"ids": ["<entry id>", ...]}}. No body, {@code {}} or
 * {@code "ids": null} mean "the oldest entries up to the cap"; an empty list means none. Any other member is
 * refused, so a typo such as {@code "id"} never turns into "replay everything".
 */
final class ReplayRequest {

    private static final Set<String> MEMBERS = Set.of("ids");

    private ReplayRequest() {
    }

    /** The requested ids, or empty for "all"; throws {@link InvalidRequest} for anything malformed. */
    static Optional<List<String>> ids(String body, int max) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        JsonObject request = object(body);
        List<String> unknown = request.keySet().stream().filter(member -> !MEMBERS.contains(member)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new InvalidRequest("Unknown member(s) " + unknown + "; the body is {\"ids\": [\"<entry id>\", ...]}"
                    + " or empty to replay everything");
        }
        JsonValue ids = request.get("ids");
        if (ids == null || ids == JsonValue.NULL) {
            return Optional.empty();
        }
        if (!(ids instanceof JsonArray array)) {
            throw new InvalidRequest("ids must be an array of dead-letter entry ids such as \"1700000000000-0\"");
        }
        if (array.size() > max) {
            throw new InvalidRequest("At most " + max + " ids per replay call; got " + array.size());
        }
        List<String> result = new ArrayList<>();
        List<String> invalid = new ArrayList<>();
        for (JsonValue value : array) {
            if (value instanceof JsonString text && StreamIds.isValid(text.getString())) {
                result.add(text.getString());
            } else {
                invalid.add(value instanceof JsonString text ? text.getString() : value.toString());
            }
        }
        if (!invalid.isEmpty()) {
            throw new InvalidRequest("Invalid dead-letter entry id(s) " + invalid + ": an id looks like \"1700000000000-0\"",
                    Map.of("invalid_ids", invalid));
        }
        return Optional.of(result);
    }

    private static JsonObject object(String body) {
        JsonValue json;
        try (var reader = JsonConventions.json().createReader(new StringReader(body))) {
            json = reader.readValue();
        } catch (RuntimeException e) {
            throw new InvalidRequest("Request body is not valid JSON; expected {\"ids\": [\"<entry id>\", ...]}");
        }
        if (!(json instanceof JsonObject object)) {
            throw new InvalidRequest("Request body must be a JSON object: {\"ids\": [\"<entry id>\", ...]}");
        }
        return object;
    }
}
