package io.genesis.runtime.ops;

import java.util.List;

/**
 * What one replay call did. {@code notFound}: requested ids that are not (or no longer) dead letters of the topic.
 * {@code skipped}: dead letters left in place because their envelope cannot be replayed. {@code remaining}: the
 * dead-letter depth afterwards; {@code maxPerCall}: the most entries one call replays.
 */
public record ReplayOutcome(int replayed, List<String> taskIds, List<String> notFound, List<Skipped> skipped,
                            long remaining, int maxPerCall) {

    /** A dead letter that was not replayed, and why. */
    public record Skipped(String id, String reason) {
    }
}
