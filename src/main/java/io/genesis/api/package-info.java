/**
 * The JAX-RS application and its conventions: the {@code /api} root, JSON (snake_case, no nulls; request bodies read
 * strictly by {@link io.genesis.api.RequestJson}), body size and content type ({@link io.genesis.api.RequestBodies}, {@link io.genesis.api.JsonByDefault}),
 * query parameters, the tenant. Resources themselves live with their component; nothing here knows one.
 */
package io.genesis.api;
