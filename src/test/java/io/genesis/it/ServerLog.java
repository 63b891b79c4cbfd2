package io.genesis.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A Liberty server's messages.log, as an operator reads it. */
final class ServerLog {

    private ServerLog() {
    }

    /** The messages.log of the IT server. */
    static Path itServer() {
        return of(System.getProperty("genesis.it.server-name"));
    }

    /** The messages.log of the server {@code serverName} of the build's Liberty. */
    static Path of(String serverName) {
        return Path.of(System.getProperty("genesis.it.wlp-dir"), "usr", "servers", serverName, "logs", "messages.log");
    }

    /** Its lines so far (none when it does not exist yet). */
    static List<String> lines(Path log) {
        try {
            return Files.exists(log) ? Files.readAllLines(log) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
