package io.genesis.payments;

import io.genesis.payments.policy.MandateTerms;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MandatesTest {

    private static JsonObject mandate(String extraType) {
        return Json.createObjectBuilder().add("constraints", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("type", "payment.amount_range").add("currency", "USD").add("min", 0).add("max", 5000))
                .add(Json.createObjectBuilder().add("type", "payment.allowed_payees").add("allowed", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("id", "gpu-runs").add("name", "GPU"))))
                .add(Json.createObjectBuilder().add("type", extraType))).build();
    }

    @Test
    void theOpenMandatesConstraintsBecomeThePolicysTerms() {
        MandateTerms terms = Mandates.terms("mdt_1", "ACTIVE", Instant.EPOCH, Instant.MAX, mandate("payment.agent_recurrence"));
        assertEquals("ACTIVE", terms.status());
        assertEquals(5000, terms.maxPerTransactionCents());
        assertEquals(Set.of("gpu-runs"), terms.allowedPayees());
    }

    @Test
    void anUnknownConstraintMakesTheMandateUnusableAsAp2Requires() {
        assertEquals("UNRESOLVED_CONSTRAINT", Mandates.terms("mdt_1", "ACTIVE", Instant.EPOCH, Instant.MAX,
                mandate("com.example.mystery")).status());
    }

    @Test
    void canonicalJsonIgnoresMemberOrder() {
        assertEquals(Mandates.canonical(Json.createObjectBuilder().add("b", 1).add("a", Json.createArrayBuilder().add("x")).build()),
                Mandates.canonical(Json.createObjectBuilder().add("a", Json.createArrayBuilder().add("x")).add("b", 1).build()));
    }
}
