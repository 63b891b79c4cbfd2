package io.genesis.problem;

/**
 * A dependency this request needs is unreachable (PostgreSQL, Redis, a remote service): an outage the caller can wait
 * out, answered 503 with {@code Retry-After}, never an opaque 500. {@code dependency} names it for the client.
 */
public class DependencyUnavailable extends DomainException {

    public DependencyUnavailable(String dependency, String detail, Throwable cause) {
        super(Kind.UNAVAILABLE, detail, cause);
        with("dependency", dependency);
    }
}
