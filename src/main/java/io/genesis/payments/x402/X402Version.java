package io.genesis.payments.x402;

import java.util.Arrays;
import java.util.Optional;

/**
 * The x402 versions spoken here and the HTTP headers of each (transports-v1 and -v2 http.md): a v2 vendor quotes in
 * the {@code PAYMENT-REQUIRED} header and takes {@code PAYMENT-SIGNATURE}; a v1 vendor quotes in the 402's JSON body and
 * takes {@code X-PAYMENT}, answering {@code X-PAYMENT-RESPONSE}. We answer every vendor in the version it quoted in.
 */
public enum X402Version {
    V1(1, X402.X_PAYMENT, X402.X_PAYMENT_RESPONSE),
    V2(2, X402.PAYMENT_SIGNATURE, X402.PAYMENT_RESPONSE);

    private final int number;
    private final String paymentHeader;
    private final String responseHeader;

    X402Version(int number, String paymentHeader, String responseHeader) {
        this.number = number;
        this.paymentHeader = paymentHeader;
        this.responseHeader = responseHeader;
    }

    public static Optional<X402Version> of(int number) {
        return Arrays.stream(values()).filter(version -> version.number == number).findFirst();
    }

    /** The {@code x402Version} number on the wire. */
    public int number() {
        return number;
    }

    /** The request header carrying the base64 {@code PaymentPayload}. */
    public String paymentHeader() {
        return paymentHeader;
    }

    /** The response header carrying the base64 {@code SettleResponse}. */
    public String responseHeader() {
        return responseHeader;
    }
}
