package io.genesis.runtime;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * This worker's consumer name: {@code genesis.worker-id} (env {@code GENESIS_WORKER_ID}), else the host name.
 * Unique per worker, stable across restarts, so a restarted worker takes back what it held.
 */
@ApplicationScoped
public class WorkerIdentity {

    @Inject
    @ConfigProperty(name = "genesis.worker-id")
    Optional<String> configured;

    private String id;

    @PostConstruct
    void resolve() {
        id = configured.filter(value -> !value.isBlank()).orElseGet(WorkerIdentity::hostName);
    }

    public String id() {
        return id;
    }

    private static String hostName() {
        String fromEnv = System.getenv("HOSTNAME");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "worker-" + ProcessHandle.current().pid();
        }
    }
}
