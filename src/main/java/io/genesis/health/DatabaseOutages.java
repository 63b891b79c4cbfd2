package io.genesis.health;

import io.genesis.problem.DependencyUnavailable;
import io.genesis.problem.OutageClassifier;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Optional;

/**
 * PostgreSQL out of reach, however it surfaces (a store's SQLException, the connection pool, a refused socket):
 * transient and connection exceptions, SQLState class 08 (connection refused, broken, closed), class 57P (server
 * shutting down or starting) and 53300 (too many connections). A query that was merely wrong is not an outage. The one
 * test for it: requests answer 503 by it, and the task-result outbox keeps rows waiting in Redis by it.
 */
@ApplicationScoped
public class DatabaseOutages implements OutageClassifier {

    @Override
    public Optional<DependencyUnavailable> classify(Throwable error) {
        return isOutage(error)
                ? Optional.of(new DependencyUnavailable("postgresql",
                        "PostgreSQL (the system of record) is unreachable; retry shortly. GET /health/ready shows its status.", error))
                : Optional.empty();
    }

    /** True when {@code error} or one of its causes says the database cannot be reached now (retry later). */
    public static boolean isOutage(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof SQLTransientException
                    || t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P") || sql.getSQLState().equals("53300"))) {
                return true;
            }
        }
        return false;
    }
}
