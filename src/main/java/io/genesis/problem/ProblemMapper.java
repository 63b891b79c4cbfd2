package io.genesis.problem;

import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one place where exceptions become HTTP answers. Client mistakes keep their 4xx status and get a detail a
 * person can act on; anything unexpected is a 500 with an opaque reference that is also logged with the stack.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable error) {
        return problemFor(error).withInstance(path()).toResponse();
    }

    private Problem problemFor(Throwable error) {
        if (error instanceof ProblemException problem) {
            return problem.problem();
        }
        Throwable malformed = malformedJson(error);
        if (malformed != null) {
            return Problem.of(Response.Status.BAD_REQUEST, "Request body is not valid JSON for this endpoint: " + firstLine(malformed));
        }
        if (error instanceof ConstraintViolationException violations) {
            List<String> messages = violations.getConstraintViolations().stream()
                    .map(ProblemMapper::describe).sorted().toList();
            return Problem.of(Response.Status.BAD_REQUEST, String.join("; ", messages)).with("violations", messages);
        }
        if (error instanceof NotFoundException) {
            return Problem.of(Response.Status.NOT_FOUND, "No resource at " + path());
        }
        if (error instanceof NotAllowedException notAllowed) {
            return Problem.of(Response.Status.METHOD_NOT_ALLOWED, "Method not allowed here; allowed: "
                    + notAllowed.getResponse().getAllowedMethods());
        }
        if (error instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            Response.StatusType status = web.getResponse().getStatusInfo();
            return Problem.of(status, cleanJaxRsMessage(web.getMessage(), status));
        }
        String reference = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected error on " + path() + " (reference " + reference + ")", error);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR,
                "Unexpected server error; reference " + reference + " is in the server log.").with("reference", reference);
    }

    private static Throwable malformedJson(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JsonbException || t instanceof JsonParsingException
                    || t instanceof jakarta.json.JsonException) {
                return t;
            }
            if (t instanceof ProcessingException && t.getCause() == null) {
                return t;
            }
        }
        return null;
    }

    private static String describe(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        int dot = path.lastIndexOf('.');
        String field = dot >= 0 ? path.substring(dot + 1) : path;
        return field + ": " + violation.getMessage();
    }

    private static String cleanJaxRsMessage(String message, Response.StatusType status) {
        if (message == null || message.startsWith("HTTP " + status.getStatusCode())) {
            return status.getReasonPhrase();
        }
        return firstLine(message);
    }

    private static String firstLine(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : firstLine(t.getMessage());
    }

    private static String firstLine(String message) {
        String line = message.lines().findFirst().orElse(message);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

    private String path() {
        try {
            return uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
