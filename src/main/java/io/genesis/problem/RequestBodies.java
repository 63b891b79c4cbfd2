package io.genesis.problem;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.Locale;

/**
 * Every request body on its way to a resource, whatever reads it (a request record, a {@code JsonObject}, text parsed
 * later): its JSON shape is bounded while it streams in ({@link JsonShape}: depth {@code genesis.api.json.max-depth},
 * members {@code genesis.api.json.max-members}), and an empty body reaches a request record parameter as
 * {@code null}, so a required body says so with {@code @NotNull} and an optional one reads as absent. The size limit
 * is {@link BodyLimit}'s, before JAX-RS.
 */
@Provider
public class RequestBodies implements ReaderInterceptor {

    private final int maxDepth;
    private final long maxMembers;

    public RequestBodies() {
        Config config = ConfigProvider.getConfig();
        maxDepth = config.getValue(JsonShape.MAX_DEPTH_KEY, Integer.class);
        maxMembers = config.getValue(JsonShape.MAX_MEMBERS_KEY, Long.class);
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        InputStream in = context.getInputStream();
        if (isJson(context.getMediaType())) {
            in = new Shaped(in, new JsonShape(maxDepth, maxMembers));
        }
        PushbackInputStream body = new PushbackInputStream(in, 1);
        int first = body.read();
        if (first < 0 && context.getType() != String.class) {
            return null;
        }
        if (first >= 0) {
            body.unread(first);
        }
        context.setInputStream(body);
        return context.proceed();
    }

    static boolean isJson(MediaType type) {
        return type == null || type.isWildcardType()
                || "application".equalsIgnoreCase(type.getType())
                && ("json".equalsIgnoreCase(type.getSubtype()) || type.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json"));
    }

    /** Feeds every byte read to the shape before handing it on. */
    private static final class Shaped extends FilterInputStream {

        private final JsonShape shape;

        Shaped(InputStream in, JsonShape shape) {
            super(in);
            this.shape = shape;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                shape.accept(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                shape.accept(buffer, offset, n);
            }
            return n;
        }
    }
}
