package io.genesis.agents;

import jakarta.json.JsonObject;

/** What one role produced for one task: a one-line summary and the artefact keys of the role. */
record Artefact(String summary, JsonObject fields) {

    public Artefact {
        if (summary == null || summary.isBlank()) {
            throw new IllegalArgumentException("an artefact needs a summary");
        }
        if (fields == null) {
            throw new IllegalArgumentException("an artefact needs fields");
        }
    }
}
