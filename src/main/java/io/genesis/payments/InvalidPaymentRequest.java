package io.genesis.payments;

/**
 * A request refused before anything was written, naming the offending field: {@link #malformed} (missing, of the
 * wrong form) or {@link #unprocessable} (well-formed but impossible: an unknown agent, an uncatalogued vendor, a cap
 * out of range).
 */
public final class InvalidPaymentRequest extends PaymentFailure {

    private final String field;
    private final boolean malformed;

    private InvalidPaymentRequest(String field, String detail, boolean malformed) {
        super(detail);
        this.field = field;
        this.malformed = malformed;
    }

    public static InvalidPaymentRequest malformed(String field, String detail) {
        return new InvalidPaymentRequest(field, detail, true);
    }

    public static InvalidPaymentRequest unprocessable(String field, String detail) {
        return new InvalidPaymentRequest(field, detail, false);
    }

    public String field() {
        return field;
    }

    public boolean malformed() {
        return malformed;
    }
}
