package io.genesis.live;

/**
 * One change the feed told its streams: its sequence number on this worker, its SSE event name, the tenant it belongs
 * to (only that tenant's streams and operators' see it) and its JSON data.
 */
record LiveEvent(long seq, String name, String tenant, String data) {

    boolean visibleTo(Subscriber subscriber) {
        return subscriber.operator() || (tenant != null && tenant.equals(subscriber.tenant()));
    }
}
