package io.genesis.problem;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request without {@code Content-Type} is read as JSON, so a body-less POST or a client that sends no Content-Type
 * keeps working. (A form body, what {@code curl -d} sends unless told {@code -H 'Content-Type: application/json'}, is
 * a 415.) A {@code charset} this server cannot decode is a 415 too, before any body is read.
 */
@Provider
@PreMatching
public class JsonByDefault implements ContainerRequestFilter {

    private static final Pattern CHARSET = Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?([^\";\\s]*)");

    @Override
    public void filter(ContainerRequestContext request) {
        String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (type == null) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
            return;
        }
        Matcher charset = CHARSET.matcher(type);
        if (charset.find() && !decodable(charset.group(1))) {
            throw new ProblemException(Problem.of(Response.Status.UNSUPPORTED_MEDIA_TYPE, "Content-Type names charset '"
                    + charset.group(1) + "', which this server cannot decode; send the body as UTF-8"));
        }
    }

    private static boolean decodable(String charset) {
        try {
            return Charset.isSupported(charset);
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }
}
