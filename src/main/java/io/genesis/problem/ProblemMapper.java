package io.genesis.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The catch-all of the problem mapper family: a {@link DomainException} by its kind, a dependency outage recognised by
 * an {@link OutageClassifier} as 503 with {@code Retry-After}, a {@link ProblemException} as it is, a body that could
 * not be read into its request record as a 400 naming the field ({@link BindingProblems}), JAX-RS client errors with
 * their status, and anything unexpected as a 500 with an opaque reference that is also logged with the stack.
 */
@Provider
@ApplicationScoped
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());

    @Inject
    @Any
    Instance<OutageClassifier> outages;

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Throwable error) {
        String path = path(uriInfo);
        DomainException domain = cause(error, DomainException.class);
        if (domain == null) {
            domain = outage(error);
        }
        if (domain != null) {
            return answer(domain, path);
        }
        Optional<Problem> known = known(error, path);
        return known.isPresent() ? known.get().withInstance(path).toResponse() : unexpected(error, path);
    }

    /** A domain exception as problem+json: its kind's status, its message, its extensions, Retry-After for outages. */
    static Response answer(DomainException error, String path) {
        Problem problem = Problem.of(error.kind().status, error.getMessage());
        for (var extension : error.extensions().entrySet()) {
            problem = problem.with(extension.getKey(), extension.getValue());
        }
        Response response = problem.withInstance(path).toResponse();
        if (error.kind() == DomainException.Kind.UNAVAILABLE && error.getCause() != null) {
            LOG.warning(() -> "Answered 503 on " + path + ": " + Failures.brief(error));
        }
        if (error.retryAfterSeconds() > 0) {
            return Response.fromResponse(response).header("Retry-After", String.valueOf(error.retryAfterSeconds())).build();
        }
        return response;
    }

    private DependencyUnavailable outage(Throwable error) {
        for (OutageClassifier classifier : outages) {
            Optional<DependencyUnavailable> outage = classifier.classify(error);
            if (outage.isPresent()) {
                return outage.get();
            }
        }
        return null;
    }

    private static Optional<Problem> known(Throwable error, String path) {
        ProblemException problem = cause(error, ProblemException.class);
        if (problem != null) {
            return Optional.of(problem.problem());
        }
        Optional<Problem> binding = BindingProblems.of(error);
        if (binding.isPresent()) {
            return binding;
        }
        if (error instanceof NotFoundException) {
            return Optional.of(Problem.noRoute(null, "No resource at " + path));
        }
        if (error instanceof NotSupportedException) {
            return Optional.of(Problem.of(Response.Status.UNSUPPORTED_MEDIA_TYPE, JsonByDefault.SEND_JSON));
        }
        if (error instanceof NotAllowedException notAllowed) {
            return Optional.of(Problem.of(Response.Status.METHOD_NOT_ALLOWED, "Method not allowed here; allowed: "
                    + notAllowed.getResponse().getAllowedMethods()));
        }
        if (error instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            Response.StatusType status = web.getResponse().getStatusInfo();
            return Optional.of(Problem.of(status, cleanJaxRsMessage(web.getMessage(), status)));
        }
        return Optional.empty();
    }

    /** A 500 whose detail carries only a reference; the stack goes to the log under the same reference. */
    static Response unexpected(Throwable error, String path) {
        String reference = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected error on " + path + " (reference " + reference + ")", error);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR,
                        "Unexpected server error; reference " + reference + " is in the server log.")
                .with("reference", reference).withInstance(path).toResponse();
    }

    private static <T extends Throwable> T cause(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String cleanJaxRsMessage(String message, Response.StatusType status) {
        if (message == null || message.startsWith("HTTP " + status.getStatusCode())) {
            return status.getReasonPhrase();
        }
        return Failures.firstLine(message);
    }

    static String path(UriInfo uriInfo) {
        try {
            return uriInfo == null ? null : uriInfo.getRequestUri().getRawPath();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
