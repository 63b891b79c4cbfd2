package io.genesis.problem;

import jakarta.ws.rs.core.Response;

import java.util.Map;

/**
 * An RFC 9457 problem detail. {@code extensions} carries machine-readable specifics (for example the valid
 * values of a rejected field) and is flattened into the JSON object by {@link ProblemJson}.
 */
public record Problem(String type, String title, int status, String detail, String instance, Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(Response.StatusType status, String detail) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, null, Map.of());
    }

    public static Problem unprocessable(String detail) {
        return of(422, detail);
    }

    /** A problem of any status, titled by its reason phrase. */
    public static Problem of(int status, String detail) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known != null ? known.getReasonPhrase() : status == 422 ? "Unprocessable Content" : "Error";
        return new Problem("about:blank", title, status, detail, null, Map.of());
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, extensions);
    }

    public Problem with(String key, Object value) {
        var merged = new java.util.LinkedHashMap<>(extensions);
        merged.put(key, value);
        return new Problem(type, title, status, detail, instance, Map.copyOf(merged));
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(ProblemJson.write(this)).build();
    }
}
