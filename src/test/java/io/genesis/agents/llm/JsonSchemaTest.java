package io.genesis.agents.llm;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonSchemaTest {

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static final JsonSchema QA = JsonSchema.of(json("""
            {"type": "object", "required": ["tests_total", "verdict", "suites"],
             "properties": {
               "tests_total": {"type": "integer", "minimum": 0},
               "verdict": {"type": "string", "enum": ["pass", "fail"]},
               "coverage": {"type": "number", "minimum": 0, "maximum": 1},
               "suites": {"type": "array", "minItems": 1, "maxItems": 2,
                          "items": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string", "minLength": 1}}}},
               "tags": {"type": "object", "additionalProperties": {"type": "string"}},
               "closed": {"type": "object", "additionalProperties": false, "properties": {"a": {"type": ["string", "null"]}}}
             }}"""));

    @Test
    void aMatchingValueHasNoErrors() {
        assertEquals(List.of(), QA.validate(json("""
                {"tests_total": 3, "verdict": "pass", "coverage": 0.5, "suites": [{"name": "a"}], "tags": {"x": "y"},
                 "closed": {"a": null}, "extra": true}""")));
        assertEquals(List.of(), QA.validate(json("{\"tests_total\": 3.0, \"verdict\": \"fail\", \"suites\": [{\"name\": \"a\"}]}")),
                "3.0 is an integer in JSON Schema");
    }

    @Test
    void everyViolationIsReportedWithItsPath() {
        List<String> errors = QA.validate(json("""
                {"tests_total": -1.5, "verdict": "maybe", "coverage": 2, "suites": [{"name": ""}, {}, {"name": "c"}],
                 "tags": {"x": 1}, "closed": {"b": "no"}}"""));
        assertEquals(List.of(
                "$.tests_total: expected integer, got number",
                "$.verdict: must be one of [\"pass\",\"fail\"]",
                "$.coverage: must be <= 1",
                "$.suites: more items than 2 (3)",
                "$.suites[0].name: shorter than 1 (0)",
                "$.suites[1]: missing required property name",
                "$.tags.x: expected string, got number",
                "$.closed.b: not allowed (no such property)"), errors);
        assertEquals(List.of("$: missing required property tests_total", "$: missing required property verdict",
                "$: missing required property suites"), QA.validate(JsonValue.EMPTY_JSON_OBJECT));
        assertEquals(List.of("$: expected object, got array"), QA.validate(JsonValue.EMPTY_JSON_ARRAY));
    }

    @Test
    void aSchemaWithAKeywordThisValidatorDoesNotCheckIsRefused() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> JsonSchema.of(json("{\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\", \"pattern\": \"^x\"}}}")));
        assertEquals("unsupported JSON Schema keyword #/properties/a/pattern", unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JsonSchema.of(json("{\"type\": \"text\"}")));
        assertThrows(IllegalArgumentException.class, () -> JsonSchema.of(json("{\"minItems\": -1}")));
        assertThrows(IllegalArgumentException.class, () -> JsonSchema.of(json("{\"items\": {\"oneOf\": []}}")));
    }

    @Test
    void errorsAreCapped() {
        var items = Json.createArrayBuilder();
        for (int i = 0; i < 50; i++) {
            items.add(Json.createObjectBuilder());
        }
        JsonObject many = Json.createObjectBuilder().add("tests_total", 1).add("verdict", "pass").add("suites", items).build();
        List<String> errors = JsonSchema.of(json("""
                {"properties": {"suites": {"items": {"required": ["name"]}}}}""")).validate(many);
        assertEquals(JsonSchema.MAX_ERRORS, errors.size());
        assertTrue(errors.get(0).startsWith("$.suites[0]"));
    }
}
