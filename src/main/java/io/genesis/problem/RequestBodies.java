package io.genesis.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

/**
 * Every request body on its way to a resource: larger than {@code genesis.api.max-body-bytes} is a 413 problem
 * (by {@code Content-Length} before reading, or while reading a chunked body), and an empty body reaches a request
 * record parameter as {@code null}, so a required body says so with {@code @NotNull} and an optional one reads as
 * absent.
 */
@Provider
public class RequestBodies implements ReaderInterceptor {

    private static final String MAX_BYTES_KEY = "genesis.api.max-body-bytes";

    private final long maxBytes = ConfigProvider.getConfig().getValue(MAX_BYTES_KEY, Long.class);

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        String length = context.getHeaders().getFirst("Content-Length");
        if (length != null && !length.isBlank() && parses(length) > maxBytes) {
            throw tooLarge();
        }
        PushbackInputStream body = new PushbackInputStream(new Bounded(context.getInputStream(), maxBytes), 1);
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

    private static long parses(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private ProblemException tooLarge() {
        return new ProblemException(Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                "Request body exceeds " + maxBytes + " bytes (" + MAX_BYTES_KEY + ")"));
    }

    /** Counts what is read and stops one byte past the limit. */
    private final class Bounded extends FilterInputStream {

        private final long limit;
        private long read;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw tooLarge();
            }
        }
    }
}
