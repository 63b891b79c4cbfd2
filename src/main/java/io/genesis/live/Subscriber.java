package io.genesis.live;

import java.time.Instant;

/**
 * One open stream: who reads it (its tenant, null for an operator who sees every tenant), when the server ends it (the
 * client reconnects with {@code Last-Event-ID}), when it last got something, and the last counts it was sent.
 */
final class Subscriber {

    private final LiveSink sink;
    private final String tenant;
    private final boolean operator;
    private final Instant deadline;
    private volatile Instant lastSent = Instant.now();
    private volatile String lastCounts;

    Subscriber(LiveSink sink, String tenant, boolean operator, Instant deadline) {
        this.sink = sink;
        this.tenant = tenant;
        this.operator = operator;
        this.deadline = deadline;
    }

    String tenant() {
        return tenant;
    }

    boolean operator() {
        return operator;
    }

    void send(String id, String name, String data) {
        lastSent = Instant.now();
        sink.send(id, name, data);
    }

    /** Sends the counts unless they are the ones this stream already has. */
    void counts(String id, String json) {
        if (!json.equals(lastCounts)) {
            lastCounts = json;
            send(id, "business-counts", json);
        }
    }

    /** Ends the stream past its time limit, pings it when idle; true when it is gone and can be forgotten. */
    boolean sweep(Instant now, long keepAliveSeconds) {
        if (!sink.isClosed() && now.isAfter(deadline)) {
            sink.close();
        } else if (!sink.isClosed() && lastSent.plusSeconds(keepAliveSeconds).isBefore(now)) {
            lastSent = now;
            sink.comment("keep-alive");
        }
        return sink.isClosed();
    }

    void close() {
        sink.close();
    }
}
