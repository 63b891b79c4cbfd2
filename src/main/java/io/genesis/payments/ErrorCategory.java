package io.genesis.payments;

import java.util.Locale;

/** The normalised error categories of a2a-x402 (§9.1) for raw x402 reasons, plus POLICY_DENIED for the rules. */
public final class ErrorCategory {

    public static final String POLICY_DENIED = "POLICY_DENIED";

    private ErrorCategory() {
    }

    public static String of(String x402Reason) {
        String reason = x402Reason == null ? "" : x402Reason.toLowerCase(Locale.ROOT);
        if (reason.contains("insufficient")) {
            return "INSUFFICIENT_FUNDS";
        }
        if (reason.contains("signature")) {
            return "INVALID_SIGNATURE";
        }
        if (reason.contains("valid_after") || reason.contains("valid_before") || reason.contains("expired")) {
            return "EXPIRED_PAYMENT";
        }
        if (reason.contains("nonce") || reason.contains("duplicate")) {
            return "DUPLICATE_NONCE";
        }
        if (reason.contains("network")) {
            return "NETWORK_MISMATCH";
        }
        if (reason.contains("value") || reason.contains("amount")) {
            return "INVALID_AMOUNT";
        }
        return "SETTLEMENT_FAILED";
    }
}
