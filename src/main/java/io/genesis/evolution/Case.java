package io.genesis.evolution;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.Objects;

/**
 * A CaseBank case (Memento): in situation {@code state}, doing {@code action} earned {@code reward}. One row of
 * {@code cases}. Build it with {@link CaseBank#newCase}, which redacts credentials and derives the id and embedding.
 *
 * @param caseId    {@code sha256(state|action|agent)}, first 16 hex characters
 * @param agentName agent the case is about
 * @param state     the situation (e.g. the failed task and its error), credentials redacted
 * @param action    what was done about it, credentials redacted
 * @param reward    how well it worked, 0..1
 * @param metadata  context, credentials redacted
 * @param embedding embedding of the state, for similarity search
 */
public record Case(String caseId, String agentName, String state, String action, double reward, JsonObject metadata,
                   Embedding embedding) {

    public Case {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(agentName, "agentName");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(embedding, "embedding");
        if (reward < 0 || reward > 1 || Double.isNaN(reward)) {
            throw new IllegalArgumentException("reward must be within 0..1");
        }
        metadata = metadata == null ? JsonValue.EMPTY_JSON_OBJECT : metadata;
    }
}
