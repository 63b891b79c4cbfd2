package io.genesis.problem;

import jakarta.json.bind.JsonbException;

/**
 * A JSON value of the wrong kind for its field (a number where text belongs, {@code "yes"} for a boolean), raised by
 * the strict request deserializers. Its message is the reason only ("must be a string"); {@link BindingProblems}
 * names the field from the JSON-B error chain.
 */
public class JsonTypeMismatch extends JsonbException {

    public JsonTypeMismatch(String reason) {
        super(reason);
    }
}
