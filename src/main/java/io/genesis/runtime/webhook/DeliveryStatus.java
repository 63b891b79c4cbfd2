package io.genesis.runtime.webhook;

import io.genesis.outbound.OutboundUrls;

/**
 * The outcome so far of one webhook delivery, as {@code GET /api/tasks/{id}/webhook} (task deliveries) and
 * {@code GET /api/businesses/{id}/spend/notifications/{delivery_id}} (business deliveries) show it; one of
 * {@code taskId} and {@code businessId} is set. {@code state} is {@value #QUEUED} (enqueued, not tried yet; recorded
 * for business deliveries), {@value #RETRYING} (another attempt is scheduled at {@code nextAttemptAt}),
 * {@value #DELIVERED} or {@value #FAILED} (given up: a final status, the attempts ran out, the URL was refused, or the
 * task state was gone). {@code url} is shown as {@code scheme://host[:port]/path}: never its userinfo or query, which
 * may hold a secret.
 */
public record DeliveryStatus(
        String deliveryId,
        String taskId,
        String businessId,
        String url,
        String state,
        boolean delivered,
        int attempts,
        Integer lastStatus,
        String lastError,
        String at,
        String nextAttemptAt) {

    public static final String QUEUED = "queued";
    public static final String RETRYING = "retrying";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";

    public DeliveryStatus {
        url = url == null ? null : OutboundUrls.shown(url);
    }
}
