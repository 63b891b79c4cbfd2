/**
 * Errors as RFC 9457 {@code application/problem+json}: one mapper family for every JAX-RS exception (request records
 * that fail Bean Validation or JSON binding, problems, the unexpected), one servlet for errors outside JAX-RS. Owns
 * the wire form of errors; must not leak stack traces or internal class names, nor import anything of Genesis.
 *
 * <h2>How a boundary takes a request body</h2>
 * <ol>
 * <li>Declare a record in the component's {@code boundary} package with the wire members as components
 *     (camelCase; the wire is snake_case, or {@code @JsonbProperty} for another name). Use boxed types
 *     ({@code Long}, {@code Boolean}) so absent reads as {@code null}.</li>
 * <li>Put Bean Validation constraints on the components, with messages written to follow the field name:
 *     {@code @NotBlank(message = "is required") String topic} answers "topic is required". A constraint whose
 *     failure means "well-formed but impossible" carries {@code payload = Unprocessable.class} (422 instead of 400).
 *     {@code io.genesis.api.HttpUrl} checks URLs; nested records need {@code @Valid}.</li>
 * <li>Take it as {@code @Valid @NotNull(message = "is required: ...") Record request} in the resource method (no
 *     {@code @NotNull} when the body is optional: an empty body arrives as {@code null}). Header and query
 *     parameters take constraints too and are named by their own name ({@code Idempotency-Key}).</li>
 * </ol>
 * What the family then answers, without code in the resource: unknown member, wrong JSON type (text for a number,
 * {@code "yes"} for a boolean), malformed JSON, a body that is not an object, a violated constraint: 400 with
 * {@code field} (dotted path for nested members, {@code body} for the whole body) and a {@code detail} that names it;
 * {@code invalid_<field>} lists the rejected elements of a list; a body over {@code genesis.api.max-body-bytes}: 413.
 * Checks that need the database or the registry stay in the resource or control code.
 *
 * <h2>How control code refuses</h2>
 * It throws a subclass of {@link io.genesis.problem.DomainException} named for what happened, with a
 * {@link io.genesis.problem.DomainException.Kind} (invalid 400, not found 404, conflict 409, unprocessable 422,
 * unavailable 503 + {@code Retry-After}) and extensions such as {@code field}; it never builds an HTTP response.
 * A dependency outage needs no code at all where it surfaces: an {@link io.genesis.problem.OutageClassifier} next to
 * the client library (JDBC, Jedis) recognises it anywhere in the exception chain.
 *
 * <h2>How a servlet answers an error</h2>
 * A servlet outside JAX-RS (the public sites) writes its own {@link io.genesis.problem.Problem} with
 * {@link io.genesis.problem.ServletProblems#write}, so its detail is specific; {@code sendError} falls back to the
 * generic error page.
 */
package io.genesis.problem;
