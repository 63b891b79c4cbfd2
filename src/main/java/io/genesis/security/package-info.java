/**
 * Who is calling: the roles, the caller taken from the verified MicroProfile JWT, and the tenant a request acts for
 * ({@link io.genesis.security.TenantResolver}, the only reader of the token's claims). Must not verify tokens itself
 * (Liberty's mpJwt does), read request bodies, or know any component's data.
 */
package io.genesis.security;
