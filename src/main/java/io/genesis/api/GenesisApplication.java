package io.genesis.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Every REST resource of Genesis lives under {@code /api}. */
@ApplicationPath("/api")
public class GenesisApplication extends Application {
}
