/**
 * Errors as RFC 9457 {@code application/problem+json}: one mapper for every JAX-RS exception, one servlet for
 * errors outside JAX-RS. Owns the wire form of errors; never leaks stack traces or internal class names.
 */
package io.genesis.problem;
