package io.genesis.problem;

import jakarta.ws.rs.core.Response;

/**
 * A client-facing error built at a boundary (resource, request filter), rendered by {@link ProblemMapper} with its
 * status and detail as they are. Control code throws a {@link DomainException} instead and stays free of HTTP.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Response.StatusType status, String detail) {
        this(Problem.of(status, detail));
    }

    public ProblemException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(Response.Status.BAD_REQUEST, detail);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Response.Status.NOT_FOUND, detail);
    }

    public static ProblemException unprocessable(String detail) {
        return new ProblemException(Problem.unprocessable(detail));
    }
}
