/**
 * The API described: completes the OpenAPI document MicroProfile OpenAPI generates from the JAX-RS resources at
 * {@code /openapi} (bearer security, each operation's roles, the shared problem+json error responses). Reads the
 * resources only through reflection on the generated operation ids; must not call them or hold any API logic.
 */
package io.genesis.openapi.boundary;
