package io.genesis.problem;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refusal with a meaning, thrown by control code that knows nothing of HTTP: subclass it with a name that says what
 * happened ({@code UnknownBusiness}, {@code IllegalTransition}, {@code LedgerUnavailable}) and pick the {@link Kind}.
 * The problem mapper family answers it as problem+json with the kind's status, this message as {@code detail} and
 * the {@link #with extensions} as members; {@link Kind#UNAVAILABLE} and {@link #retryAfter} add {@code Retry-After}.
 */
public abstract class DomainException extends RuntimeException {

    /** What the caller can do about it; each kind has one HTTP status, chosen by the mapper. */
    public enum Kind {
        /** The request is malformed: fix it (400). */
        INVALID(400),
        /** The caller is known but may not do this, e.g. act for another tenant or without the role (403). */
        FORBIDDEN(403),
        /** The thing named does not exist (404). */
        NOT_FOUND(404),
        /** It exists but its state does not allow this now (409). */
        CONFLICT(409),
        /** Well-formed but impossible, e.g. an unknown topic or an amount over a limit (422). */
        UNPROCESSABLE(422),
        /** Too many requests for the caller's allowance; retry after the seconds in {@code Retry-After} (429). */
        TOO_MANY_REQUESTS(429),
        /** A dependency (database, Redis, a remote service) is out; retrying later may work (503). */
        UNAVAILABLE(503);

        final int status;

        Kind(int status) {
            this.status = status;
        }
    }

    /** How long a client should wait before retrying an {@link Kind#UNAVAILABLE} answer. */
    static final int RETRY_AFTER_SECONDS = 5;

    private final Kind kind;
    private final Map<String, Object> extensions = new LinkedHashMap<>();
    private int retryAfterSeconds;

    protected DomainException(Kind kind, String detail) {
        this(kind, detail, null);
    }

    protected DomainException(Kind kind, String detail, Throwable cause) {
        super(detail, cause);
        this.kind = kind;
        this.retryAfterSeconds = kind == Kind.UNAVAILABLE ? RETRY_AFTER_SECONDS : 0;
    }

    public Kind kind() {
        return kind;
    }

    /** Adds a machine-readable member to the answer, e.g. {@code field} or {@code valid_topics}. */
    public DomainException with(String key, Object value) {
        extensions.put(key, value);
        return this;
    }

    public Map<String, Object> extensions() {
        return Map.copyOf(extensions);
    }

    /** Seconds a client should wait before retrying (answered as {@code Retry-After}); 0 for none. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Sets the seconds of {@code Retry-After}, e.g. until a rate limit's bucket has a token again. */
    public DomainException retryAfter(int seconds) {
        this.retryAfterSeconds = Math.max(1, seconds);
        return this;
    }
}
