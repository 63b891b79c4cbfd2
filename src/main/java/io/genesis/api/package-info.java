/**
 * The JAX-RS application: the {@code /api} root and the JSON conventions (snake_case, no nulls) shared by every
 * resource. Resources themselves live with their component.
 */
package io.genesis.api;
