package io.genesis.openapi.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Examples of what an operation answers when it succeeds, kept as files beside the code:
 * {@code src/main/resources/openapi/examples/<Class>_<method>.<status>.json} (for example
 * {@code BusinessResource_list.200.json}), each a real answer of the running server, trimmed. An example is added to
 * that status's {@code application/json} response (created when the generated document has none).
 */
final class SuccessExamples {

    static final String FOLDER = "/openapi/examples/";
    private static final List<String> STATUSES = List.of("200", "201", "202");
    private static final String JSON = "application/json";

    private SuccessExamples() {
    }

    static void addTo(String operationId, APIResponses responses) {
        for (String status : STATUSES) {
            Object example = read(FOLDER + operationId + "." + status + ".json");
            if (example == null) {
                continue;
            }
            APIResponse response = responses.getAPIResponse(status);
            if (response == null) {
                response = OASFactory.createAPIResponse().description(status.equals("200") ? "OK" : "Accepted");
                responses.addAPIResponse(status, response);
                if (responses.hasAPIResponse("default") && status.equals("200")) {
                    responses.removeAPIResponse("default");
                }
            }
            Content content = response.getContent() == null ? OASFactory.createContent() : response.getContent();
            response.setContent(content);
            MediaType media = content.getMediaType(JSON);
            if (media == null) {
                media = OASFactory.createMediaType();
                content.addMediaType(JSON, media);
            }
            media.addExample("example", OASFactory.createExample().summary("A real answer, trimmed").value(example));
        }
    }

    private static Object read(String resource) {
        try (InputStream in = SuccessExamples.class.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            try (JsonReader reader = Json.createReader(in)) {
                return plain(reader.readValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the OpenAPI example " + resource, e);
        }
    }

    /** The JSON value as maps, lists, strings, numbers and booleans, which the document's writer serializes. */
    private static Object plain(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> {
                Map<String, Object> members = new LinkedHashMap<>();
                ((JsonObject) value).forEach((name, member) -> members.put(name, plain(member)));
                yield members;
            }
            case ARRAY -> {
                List<Object> items = new ArrayList<>();
                ((JsonArray) value).forEach(item -> items.add(plain(item)));
                yield items;
            }
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).isIntegral() ? (Object) ((JsonNumber) value).longValue()
                    : ((JsonNumber) value).doubleValue();
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            default -> null;
        };
    }
}
