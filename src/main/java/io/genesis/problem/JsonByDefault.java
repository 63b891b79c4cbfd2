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
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Request bodies are JSON, on every endpoint and before any resource is matched: a POST, PUT or PATCH whose
 * {@code Content-Type} is not {@code application/json} (or {@code application/*+json}) is a 415 problem, with or
 * without a body; a request without {@code Content-Type} is read as JSON, so a body-less POST or a client that sends
 * no Content-Type keeps working. (A form body, what {@code curl -d} sends unless told
 * {@code -H 'Content-Type: application/json'}, is a 415.) A {@code charset} this server cannot decode is a 415 too.
 */
@Provider
@PreMatching
public class JsonByDefault implements ContainerRequestFilter {

    static final String SEND_JSON = "Send the request body as JSON with Content-Type: application/json";

    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");
    private static final Pattern CHARSET = Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?([^\";\\s]*)");

    @Override
    public void filter(ContainerRequestContext request) {
        String given = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (given == null) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
            return;
        }
        if (WITH_BODY.contains(request.getMethod()) && !json(given)) {
            refuse(request, SEND_JSON + " (not " + given + ")");
            return;
        }
        Matcher charset = CHARSET.matcher(given);
        if (charset.find() && !decodable(charset.group(1))) {
            refuse(request, "Content-Type names charset '" + charset.group(1) + "', which this server cannot decode; send the"
                    + " body as UTF-8");
        }
    }

    private static void refuse(ContainerRequestContext request, String detail) {
        request.abortWith(Problem.of(Response.Status.UNSUPPORTED_MEDIA_TYPE, detail)
                .withInstance(request.getUriInfo().getRequestUri().getRawPath()).toResponse());
    }

    private static boolean json(String contentType) {
        try {
            MediaType type = MediaType.valueOf(contentType);
            return !type.isWildcardType() && RequestBodies.isJson(type);
        } catch (IllegalArgumentException e) {
            return false;
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
