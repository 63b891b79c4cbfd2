package io.genesis.live.boundary;

import io.genesis.live.LiveSink;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import java.util.logging.Logger;

/** A live stream as Server-Sent Events: a failed send (the client went away) closes it. */
final class SseLiveSink implements LiveSink {

    private static final Logger LOG = Logger.getLogger(SseLiveSink.class.getName());

    private final SseEventSink sink;
    private final Sse sse;
    private volatile boolean closed;

    SseLiveSink(SseEventSink sink, Sse sse) {
        this.sink = sink;
        this.sse = sse;
    }

    @Override
    public void send(String id, String name, String data) {
        if (isClosed()) {
            return;
        }
        sink.send(sse.newEventBuilder().id(id).name(name).mediaType(MediaType.APPLICATION_JSON_TYPE).data(data).build())
                .whenComplete((done, failure) -> {
                    if (failure != null) {
                        close();
                    }
                });
    }

    @Override
    public void comment(String text) {
        if (!isClosed()) {
            sink.send(sse.newEventBuilder().comment(text).build()).whenComplete((done, failure) -> {
                if (failure != null) {
                    close();
                }
            });
        }
    }

    @Override
    public boolean isClosed() {
        return closed || sink.isClosed();
    }

    @Override
    public void close() {
        closed = true;
        try {
            sink.close();
        } catch (RuntimeException e) {
            LOG.fine(() -> "closing a live stream: " + e.getMessage());
        }
    }
}
