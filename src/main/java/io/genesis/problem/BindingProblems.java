package io.genesis.problem;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request body that could not be read into its request record, as a 400 naming the field: malformed JSON, a
 * member the record does not have, or a value of the wrong kind. The field path comes from the JSON-B error chain
 * ("Unable to deserialize property 'x' because of: ..."), so nested members read {@code requirements.mvp_features}.
 */
final class BindingProblems {

    static final String BODY = "body";
    private static final Pattern PROPERTY = Pattern.compile("^Unable to deserialize property '([^']+)' because of");
    private static final Pattern UNKNOWN = Pattern.compile("^Json property (\\S+) can not be mapped");
    private static final Pattern POSITION = Pattern.compile("^Incorrect position for processing type: .*Allowed: \\[([A-Z_, ]*)]");

    private BindingProblems() {
    }

    /** The problem for a body-reading failure somewhere in {@code error}'s causes, or empty when it is something else. */
    static Optional<Problem> of(Throwable error) {
        List<String> path = new ArrayList<>();
        boolean binding = false;
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonParsingException || (t instanceof JsonException && !(t instanceof JsonbException))) {
                return Optional.of(field(BODY, "Request body is not valid JSON: " + Failures.firstLine(t)));
            }
            if (t instanceof JsonTypeMismatch mismatch) {
                return Optional.of(wrongValue(path, mismatch.getMessage()));
            }
            if (!(t instanceof JsonbException)) {
                continue;
            }
            binding = true;
            String message = t.getMessage() == null ? "" : t.getMessage();
            Matcher property = PROPERTY.matcher(message);
            if (property.find()) {
                path.add(property.group(1));
                continue;
            }
            Matcher unknown = UNKNOWN.matcher(message);
            if (unknown.find()) {
                path.add(unknown.group(1));
                String name = String.join(".", path);
                return Optional.of(field(name, "Unknown field '" + name + "'"));
            }
            Matcher position = POSITION.matcher(message);
            if (position.find()) {
                return Optional.of(wrongValue(path, kindOf(position.group(1))));
            }
        }
        return binding ? Optional.of(wrongValue(path, "has a value of the wrong type")) : Optional.empty();
    }

    private static Problem wrongValue(List<String> path, String reason) {
        if (path.isEmpty()) {
            return field(BODY, "Request body " + (reason.startsWith("must be a JSON") ? reason : "must be a JSON object"));
        }
        String name = String.join(".", path);
        return field(name, name + " " + reason);
    }

    private static String kindOf(String allowed) {
        if (allowed.equals("START_OBJECT")) {
            return "must be a JSON object";
        }
        if (allowed.equals("START_ARRAY")) {
            return "must be a JSON array";
        }
        return "has a value of the wrong type";
    }

    static Problem field(String name, String detail) {
        return Problem.of(Response.Status.BAD_REQUEST, detail).with("field", name);
    }
}
