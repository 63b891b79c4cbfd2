package io.genesis.problem;

import jakarta.validation.Payload;

/**
 * Marks a constraint whose failure means "well-formed but impossible" (422) rather than "malformed" (400), e.g.
 * {@code @Size(max = 1024, message = "is longer than 1024 characters", payload = Unprocessable.class)}. A request
 * whose every violation carries it is answered 422; any other violation makes it a 400.
 */
public interface Unprocessable extends Payload {
}
