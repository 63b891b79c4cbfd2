/**
 * REST boundary of the live feed: {@code GET /api/ops/events}, the dashboard's one Server-Sent Events stream per
 * browser tab. Validates and translates only (who the caller is, {@code Last-Event-ID}); what is sent and to whom is
 * decided in {@code io.genesis.live}. Must not read stores or Redis itself, nor hold any rule of who sees what.
 */
package io.genesis.live.boundary;
