package io.genesis.payments;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ErrorCategoryTest {

    @Test
    void rawX402ReasonsMapToTheA2aCategories() {
        assertEquals("INSUFFICIENT_FUNDS", ErrorCategory.of("insufficient_funds"));
        assertEquals("INVALID_SIGNATURE", ErrorCategory.of("invalid_exact_evm_payload_signature"));
        assertEquals("EXPIRED_PAYMENT", ErrorCategory.of("invalid_exact_evm_payload_authorization_valid_before"));
        assertEquals("DUPLICATE_NONCE", ErrorCategory.of("invalid_exact_evm_nonce_already_used"));
        assertEquals("NETWORK_MISMATCH", ErrorCategory.of("invalid_network"));
        assertEquals("INVALID_AMOUNT", ErrorCategory.of("invalid_exact_evm_payload_authorization_value_mismatch"));
        assertEquals("SETTLEMENT_FAILED", ErrorCategory.of("unexpected_settle_error"));
        assertEquals("SETTLEMENT_FAILED", ErrorCategory.of(null));
    }
}
