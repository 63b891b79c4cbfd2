package io.genesis.health;

import io.genesis.problem.DependencyUnavailable;
import io.genesis.problem.DomainException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseOutagesTest {

    private final DatabaseOutages outages = new DatabaseOutages();

    @Test
    void connectionFailuresAnywhereInTheChainAreAPostgresqlOutage() {
        for (Throwable error : new Throwable[] {
                new SQLException("Connection to 127.0.0.1:5432 refused", "08001"),
                new SQLException("An I/O error occurred while sending to the backend", "08006"),
                new SQLTransientConnectionException("J2CA0045E: Connection not available"),
                new SQLException("terminating connection due to administrator command", "57P01"),
                new RuntimeException("payments ledger unavailable", new SQLException("refused", "08001")),
                new SQLException("I/O error", new java.net.ConnectException("Connection refused")),
                new java.sql.SQLTimeoutException("query timed out"),
                new SQLException("the database system is starting up", "57P03")}) {
            assertTrue(DatabaseOutages.isOutage(error), error.toString());
            DependencyUnavailable outage = outages.classify(error).orElseThrow(() -> new AssertionError(error.toString()));
            assertEquals("postgresql", outage.extensions().get("dependency"));
            assertEquals(DomainException.Kind.UNAVAILABLE, outage.kind());
            assertTrue(outage.retryAfterSeconds() > 0);
        }
    }

    @Test
    void aWrongQueryOrAConstraintIsNotAnOutage() {
        assertTrue(outages.classify(new SQLException("syntax error at or near", "42601")).isEmpty());
        assertTrue(outages.classify(new SQLException("duplicate key value", "23505")).isEmpty());
        assertTrue(outages.classify(new IllegalStateException("no SQL here")).isEmpty());
        assertFalse(DatabaseOutages.isOutage(new SQLException("duplicate key value", "23505")));
    }
}
