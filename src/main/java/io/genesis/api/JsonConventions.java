package io.genesis.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.json.spi.JsonProvider;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/** API JSON is snake_case (task_id, poll_url) and omits null members; JSON-B and JSON-P instances are shared. */
@Provider
public class JsonConventions implements ContextResolver<Jsonb> {

    /** The JSON-P provider, looked up once: each {@code jakarta.json.Json.create*} call repeats a ServiceLoader lookup. */
    private static final JsonProvider JSON = JsonProvider.provider();

    /** Created on first use, so code that needs only JSON-P does not need a JSON-B implementation. */
    private static final class Binding {
        static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
                .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
                .withNullValues(false));
    }

    public static Jsonb jsonb() {
        return Binding.JSONB;
    }

    /** Use instead of the {@code jakarta.json.Json} statics (builders, readers) on every path that runs per task or request. */
    public static JsonProvider json() {
        return JSON;
    }

    @Override
    public Jsonb getContext(Class<?> type) {
        return Binding.JSONB;
    }
}
