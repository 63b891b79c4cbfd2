package io.genesis.problem;

import jakarta.ws.rs.core.Response;

import java.util.Map;

/**
 * An RFC 9457 problem detail. {@code extensions} carries machine-readable specifics (for example the valid
 * values of a rejected field) and is flattened into the JSON object by {@link ProblemJson}.
 */
public record Problem(String type, String title, int status, String detail, String instance, Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /**
     * The type of a 404 for a path no endpoint serves (a wrong URL), so that a client can tell it from the
     * {@code about:blank} 404 of an endpoint that exists but holds nothing under the id asked for.
     */
    public static final String NO_ROUTE = "urn:genesis:problem:no-route";

    /** The 404 for a path that no endpoint serves. */
    public static Problem noRoute(String path, String detail) {
        return new Problem(NO_ROUTE, Response.Status.NOT_FOUND.getReasonPhrase(), 404, detail, path, Map.of());
    }

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
