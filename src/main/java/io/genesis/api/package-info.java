/**
 * The JAX-RS application and its conventions: the {@code /api} root, JSON (snake_case, no nulls; request bodies read
 * strictly by {@code io.genesis.problem.RequestJson}; body size and content type there too),
 * query parameters (paging, time windows), the tenant. Resources themselves live with their component; must not know any of them.
 */
package io.genesis.api;
