package io.genesis.health;

import io.genesis.problem.DependencyUnavailable;
import io.genesis.problem.OutageClassifier;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.Set;

/**
 * PostgreSQL out of reach, however it surfaces (a store's SQLException, Hibernate's wrapper, the connection pool):
 * connection exceptions, SQLState class 08 (connection refused, broken, closed), 57P01-57P03 (server shutting down or
 * starting) and 53300 (too many connections). A query that was merely wrong is not an outage.
 */
@ApplicationScoped
public class DatabaseOutages implements OutageClassifier {

    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    @Override
    public Optional<DependencyUnavailable> classify(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && isOutage(sql)) {
                return Optional.of(new DependencyUnavailable("postgresql",
                        "PostgreSQL (the system of record) is unreachable; retry shortly. GET /health/ready shows its status.", error));
            }
        }
        return Optional.empty();
    }

    static boolean isOutage(SQLException error) {
        if (error instanceof SQLTransientConnectionException || error instanceof SQLNonTransientConnectionException
                || error instanceof SQLRecoverableException) {
            return true;
        }
        String state = error.getSQLState();
        return state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state));
    }
}
