package io.genesis.schema;

import io.genesis.problem.Failures;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Applies {@code sql/V*.sql} (packaged as {@code db/migration}) at application start-up, before anything that
 * needs the tables. If PostgreSQL is down, the application still starts: migration is retried on a schedule
 * and readiness stays DOWN until it succeeds; then {@link SchemaReady} is fired once.
 */
@ApplicationScoped
public class SchemaMigrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    @Resource(lookup = "jdbc/genesis", shareable = false)
    DataSource dataSource;

    @Resource(lookup = "concurrent/genesis/scheduler")
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "genesis.schema.retry-seconds")
    int retrySeconds;

    @Inject
    Event<SchemaReady> schemaReady;

    /** sql/ is packaged here; the empty flyway.location marker lets Flyway scan it inside Liberty. */
    private static final String LOCATION = "classpath:db/migration";

    private volatile String version;
    private volatile String lastError = "not attempted yet";
    private ScheduledFuture<?> retry;

    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class) Object event) {
        if (!migrate()) {
            retry = scheduler.scheduleWithFixedDelay(this::retryUntilMigrated, retrySeconds, retrySeconds, TimeUnit.SECONDS);
        }
    }

    private void retryUntilMigrated() {
        if (migrate() && retry != null) {
            retry.cancel(false);
        }
    }

    /** Runs pending migrations; true once the schema is current. Safe to call repeatedly and concurrently. */
    public synchronized boolean migrate() {
        if (version != null) {
            return true;
        }
        try {
            MigrateResult result = Flyway.configure(getClass().getClassLoader())
                    .dataSource(dataSource)
                    .locations(LOCATION)
                    .callbackLocations(LOCATION)
                    .validateMigrationNaming(true)
                    .load()
                    .migrate();
            version = Optional.ofNullable(result.targetSchemaVersion)
                    .or(() -> Optional.ofNullable(result.initialSchemaVersion)).orElse("0");
            lastError = null;
            LOG.info("Schema at version " + version + " (" + result.migrationsExecuted + " migration(s) applied now)");
        } catch (RuntimeException e) {
            String message = Failures.brief(e);
            if (!message.equals(lastError)) {
                LOG.warning("Schema migration pending, PostgreSQL not usable yet (retrying every " + retrySeconds + " s): " + message);
            }
            lastError = message;
            return false;
        }
        schemaReady.fire(new SchemaReady(version));
        return true;
    }

    /** The applied schema version, empty until migration succeeded. */
    public Optional<String> version() {
        return Optional.ofNullable(version);
    }

    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    @PreDestroy
    void stop() {
        if (retry != null) {
            retry.cancel(true);
        }
    }

}
