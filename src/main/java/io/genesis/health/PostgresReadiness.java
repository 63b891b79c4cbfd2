package io.genesis.health;

import io.genesis.schema.SchemaMigrator;
import io.genesis.problem.Failures;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Ready when a PostgreSQL round-trip succeeds and the schema is migrated. */
@Readiness
@ApplicationScoped
public class PostgresReadiness implements HealthCheck {

    private static final int QUERY_TIMEOUT_SECONDS = 2;

    @Resource(lookup = "jdbc/genesis", shareable = false)
    DataSource dataSource;

    @Inject
    SchemaMigrator schema;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("postgresql");
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            statement.execute("SELECT 1");
        } catch (SQLException | RuntimeException e) {
            return response.down().withData("error", Failures.brief(e)).build();
        }
        response.withData("round_trip_ms", (System.nanoTime() - started) / 1_000_000);
        if (!schema.migrate()) {
            return response.down().withData("schema", "pending: " + schema.lastError().orElse("unknown")).build();
        }
        return response.up().withData("schema_version", schema.version().orElse("?")).build();
    }
}
