package io.genesis.problem;

import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Request bodies read strictly into records; every refusal is a 400 that names the field by its wire name. */
class BindingProblemsTest {

    public record Order(String replyTo, JsonValue content, Long amountCents, Boolean autonomous, List<String> ids,
                        Requirements requirements) {
    }

    public record Requirements(List<String> mvpFeatures, Double budgetUsd) {
    }

    private final Jsonb jsonb = new RequestJson().getContext(Order.class);

    @Test
    void aWellFormedBodyIsReadWithSnakeCaseNames() {
        Order order = jsonb.fromJson("{\"reply_to\":\"genesis.qa\",\"content\":{\"a\":1},\"amount_cents\":25,\"autonomous\":false,"
                + "\"ids\":[\"1-0\"],\"requirements\":{\"mvp_features\":[\"inbox\"],\"budget_usd\":12.5}}", Order.class);
        assertEquals("genesis.qa", order.replyTo());
        assertEquals(25L, order.amountCents());
        assertEquals(false, order.autonomous());
        assertEquals(List.of("inbox"), order.requirements().mvpFeatures());
        assertEquals(12.5, order.requirements().budgetUsd());
    }

    @Test
    void nullsAndAbsentMembersAreNull() {
        Order order = jsonb.fromJson("{\"reply_to\":null,\"amount_cents\":null}", Order.class);
        assertEquals(null, order.replyTo());
        assertEquals(null, order.amountCents());
    }

    @Test
    void unknownMembersAreRefusedByTheirPath() {
        assertRefused("{\"colour\":\"red\"}", "colour", "Unknown field 'colour'");
        assertRefused("{\"requirements\":{\"features\":[]}}", "requirements.features", "Unknown field 'requirements.features'");
    }

    @Test
    void valuesOfTheWrongKindAreRefusedByField() {
        assertRefused("{\"reply_to\":5}", "reply_to", "reply_to must be a string");
        assertRefused("{\"amount_cents\":\"12\"}", "amount_cents", "amount_cents must be a whole number");
        assertRefused("{\"amount_cents\":1.5}", "amount_cents", "amount_cents must be a whole number");
        assertRefused("{\"autonomous\":\"yes\"}", "autonomous", "autonomous must be true or false");
        assertRefused("{\"ids\":\"1-0\"}", "ids", "ids must be a JSON array");
        assertRefused("{\"ids\":[7]}", "ids", "ids must be a string");
        assertRefused("{\"requirements\":[]}", "requirements", "requirements must be a JSON object");
        assertRefused("{\"requirements\":{\"budget_usd\":\"lots\"}}", "requirements.budget_usd", "requirements.budget_usd must be a number");
    }

    @Test
    void malformedJsonAndNonObjectsAreRefusedAsTheBody() {
        assertRefused("{\"reply_to\": ", "body", "Request body is not valid JSON");
        assertRefused("[1]", "body", "Request body must be a JSON object");
    }

    private void assertRefused(String body, String field, String detail) {
        RuntimeException error = assertThrows(RuntimeException.class, () -> jsonb.fromJson(body, Order.class), body);
        Problem problem = BindingProblems.of(error).orElseThrow(() -> new AssertionError("no problem for " + error));
        assertEquals(400, problem.status(), body);
        assertEquals(field, problem.extensions().get("field"), body);
        assertTrue(problem.detail().startsWith(detail), body + " -> " + problem.detail());
    }
}
