package io.genesis.problem;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import java.util.LinkedHashMap;
import java.util.Map;

/** Serialises a {@link Problem} as a flat JSON object (RFC 9457 members first, then extensions). */
final class ProblemJson {

    private static final Jsonb JSONB = JsonbBuilder.create();

    private ProblemJson() {
    }

    static String write(Problem problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.type());
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.detail());
        if (problem.instance() != null) {
            body.put("instance", problem.instance());
        }
        problem.extensions().forEach(body::putIfAbsent);
        return JSONB.toJson(body);
    }
}
