package io.genesis.payments;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/** Ids and hashes of the ledger: {@code pay_<32 hex>}, SHA-256 hex digests, and the EIP-3009 nonce of a payment. */
public final class PaymentIds {

    private PaymentIds() {
    }

    public static String random() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    public static String newPaymentId() {
        return "pay_" + random();
    }

    public static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * The authorization nonce of a payment, derived from its id ({@code 0x} + SHA-256 of "genesis:x402:" + id): a retried
     * authorization is byte-identical and can never settle twice.
     */
    public static String nonce(String paymentId) {
        return "0x" + sha256Hex("genesis:x402:" + paymentId);
    }
}
