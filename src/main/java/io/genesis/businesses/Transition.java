package io.genesis.businesses;

import java.time.Instant;

/** One entry of a business's lifecycle history. */
public record Transition(long id, BusinessStatus state, Instant at, String reason) {
}
