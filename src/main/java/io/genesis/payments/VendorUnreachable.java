package io.genesis.payments;

/**
 * The vendor did not behave like an x402 vendor when asked for its price (no answer, no 402, a malformed header):
 * nothing was paid; retry later or fix the URL.
 */
public final class VendorUnreachable extends PaymentFailure {

    public VendorUnreachable(String detail) {
        super(detail);
    }
}
