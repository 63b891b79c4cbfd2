package io.genesis.live;

/** One client's open stream, as the feed sees it; sending never blocks and a failed send closes the sink. */
public interface LiveSink {

    /** Sends one event (its name, its id for {@code Last-Event-ID}, its JSON data). */
    void send(String id, String name, String data);

    /** Sends a comment line, which clients ignore: keeps idle connections open and finds closed ones. */
    void comment(String text);

    boolean isClosed();

    void close();
}
