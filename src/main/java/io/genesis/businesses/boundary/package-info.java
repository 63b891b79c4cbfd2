/**
 * REST boundary of business creation: intake, results, listing, live events (SSE), approvals and business types.
 * Validates and translates only; must not hold workflow rules or SQL.
 */
package io.genesis.businesses.boundary;
