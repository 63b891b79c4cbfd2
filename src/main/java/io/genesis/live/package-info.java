/**
 * The dashboard's live feed: one source of operator events per worker (business and payment change notices, the
 * runtime's Redis figures, businesses by status) read once per tick whatever the number of viewers, and fanned out to
 * every open stream, each seeing only its tenant's events (operators: all). Knows streams only as {@link
 * io.genesis.live.LiveSink}s: the HTTP edge (Server-Sent Events) lives in {@code boundary}. Must not hold business or
 * payment rules, nor write anything.
 */
package io.genesis.live;
