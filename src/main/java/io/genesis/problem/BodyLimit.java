package io.genesis.problem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Every request body, before anything reads it: a {@code Content-Length} over {@code genesis.api.max-body-bytes} is
 * answered 413 at once (the body is never read, and the connection closes), and a body of unknown length (chunked)
 * is counted as it is read and refused one byte past the limit, so no body larger than the limit is ever held.
 * Mapped to every path in {@code web.xml}.
 */
public class BodyLimit extends HttpFilter {

    static final String MAX_BYTES_KEY = "genesis.api.max-body-bytes";

    private final long maxBytes = ConfigProvider.getConfig().getValue(MAX_BYTES_KEY, Long.class);

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getContentLengthLong() > maxBytes) {
            response.setHeader("Connection", "close");
            ServletProblems.write(response, tooLarge().problem().withInstance(request.getRequestURI()));
            return;
        }
        try {
            chain.doFilter(new Counted(request), response);
        } catch (ProblemException e) {
            // a servlet outside JAX-RS read past the limit (JAX-RS answers the same exception through its mapper)
            if (response.isCommitted()) {
                throw e;
            }
            response.reset();
            response.setHeader("Connection", "close");
            ServletProblems.write(response, e.problem().withInstance(request.getRequestURI()));
        }
    }

    ProblemException tooLarge() {
        return new ProblemException(Response.Status.REQUEST_ENTITY_TOO_LARGE,
                "Request body exceeds " + maxBytes + " bytes (" + MAX_BYTES_KEY + ")");
    }

    /** The request with an input stream that stops one byte past the limit. */
    private final class Counted extends HttpServletRequestWrapper {

        private ServletInputStream counted;

        Counted(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                counted = new CountingStream(super.getInputStream());
            }
            return counted;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String charset = getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(),
                    charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset)));
        }
    }

    private final class CountingStream extends ServletInputStream {

        private final ServletInputStream in;
        private long read;

        CountingStream(ServletInputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > maxBytes) {
                throw tooLarge();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
