package io.genesis.runtime.ops;

/** {@code XINFO STREAM} of a topic stream, trimmed to ids; a stream that does not exist yet has length 0. */
public record StreamSummary(String topic, String agent, String stream, long length, long groups, String firstEntryId,
                            String lastEntryId, String lastGeneratedId) {
}
