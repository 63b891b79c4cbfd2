/**
 * The sites' persistence in PostgreSQL (plain JDBC, the default {@link io.genesis.sites.SiteStorage}): sites, their
 * versions and files, the live-version switch a business's terminal transition makes in its own transaction, and the
 * waitlist sign-ups. Must not decide what a site shows nor when a version may go live: it stores what it is told.
 */
package io.genesis.sites.store;
