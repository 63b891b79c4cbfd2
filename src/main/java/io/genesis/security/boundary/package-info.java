/**
 * The HTTP side of identity: the filter that refuses every {@code /api} call without a verified token (401) or
 * without one of the roles its resource method allows (403). Must not decide tenants (that is
 * {@code TenantResolver}) nor be imported by anything.
 */
package io.genesis.security.boundary;
