package io.genesis.it;

import io.genesis.devservices.EmbeddedServices;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Starts the real PostgreSQL and Redis the integration-test server talks to, and the OTLP receiver its spans are
 * exported to ({@link OtlpReceiver}, port {@code genesis.it.otlp.port}), once per failsafe JVM, before any test class;
 * stops them when the JVM's test session closes. The server itself was started earlier by
 * {@code liberty:test-start} and connects when they come up. Tests that simulate outages stop and restart them
 * through {@link #services()}. Does nothing in the unit-test (surefire) JVM.
 */
public class ItServices implements LauncherSessionListener {

    private static EmbeddedServices services;
    private static OtlpReceiver otlp;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String dir = System.getProperty("genesis.it.services-dir");
        if (dir == null) {
            return;
        }
        synchronized (ItServices.class) {
            if (services != null) {
                return;
            }
            EmbeddedServices started = new EmbeddedServices(Path.of(dir),
                    Integer.getInteger("genesis.it.postgres.port"), Integer.getInteger("genesis.it.redis.port"));
            try {
                started.prepare();
                started.startPostgres(true);
                started.startRedis();
            } catch (IOException e) {
                started.stopAll();
                throw new UncheckedIOException("integration-test PostgreSQL/Redis did not start", e);
            }
            services = started;
            try {
                otlp = OtlpReceiver.start(Integer.getInteger("genesis.it.otlp.port"));
            } catch (IOException e) {
                throw new UncheckedIOException("the OTLP receiver did not start", e);
            }
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        synchronized (ItServices.class) {
            if (services != null) {
                services.stopAll();
                services = null;
            }
            if (otlp != null) {
                otlp.close();
                otlp = null;
            }
        }
    }

    /** The OTLP/HTTP receiver of the IT servers' spans. */
    static synchronized OtlpReceiver otlp() {
        if (otlp == null) {
            throw new IllegalStateException("the OTLP receiver is not running (run through mvn verify)");
        }
        return otlp;
    }

    public static synchronized EmbeddedServices services() {
        if (services == null) {
            throw new IllegalStateException("integration-test services are not running (run through mvn verify)");
        }
        return services;
    }
}
