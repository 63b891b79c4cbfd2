package io.genesis.runtime.boundary;

import java.util.Map;

/**
 * A malformed operator request (bad {@code limit}, bad replay body), raised by the request parsers of this package
 * and answered as a 400 problem by {@link InvalidRequestMapper}. Kept free of JAX-RS types so the parsers are
 * plain functions.
 */
public class InvalidRequest extends RuntimeException {

    private final transient Map<String, Object> extensions;

    InvalidRequest(String detail) {
        this(detail, Map.of());
    }

    InvalidRequest(String detail, Map<String, Object> extensions) {
        super(detail, null, false, false);
        this.extensions = Map.copyOf(extensions);
    }

    /** Machine-readable specifics for the problem body, e.g. {@code invalid_ids}. */
    public Map<String, Object> extensions() {
        return extensions;
    }
}
