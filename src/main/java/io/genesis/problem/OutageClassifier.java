package io.genesis.problem;

import java.util.Optional;

/**
 * Recognises one dependency's connection failures in an exception chain. Implemented next to the client library
 * that throws them (JDBC in {@code io.genesis.health}, Jedis in {@code io.genesis.redis}) as an application-scoped
 * bean; the problem mapper asks every one before calling an exception unexpected, so an outage answers 503 on every
 * endpoint wherever it surfaces.
 */
public interface OutageClassifier {

    /** The outage {@code error} (or one of its causes) shows, or empty when it is not this dependency's. */
    Optional<DependencyUnavailable> classify(Throwable error);
}
