package io.genesis.payments.boundary;

import io.genesis.payments.PurchaseRequest;

/** The {@code limit} query parameter of the payments lists: 1 to {@value #MAX}, default {@value #DEFAULT}; else a 400. */
final class Limits {

    static final int DEFAULT = 50;
    static final int MAX = 500;

    private Limits() {
    }

    static int parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT;
        }
        try {
            int limit = Integer.parseInt(raw.trim());
            if (limit >= 1 && limit <= MAX) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw PurchaseRequest.field(400, "limit", "limit must be a whole number from 1 to " + MAX);
    }
}
