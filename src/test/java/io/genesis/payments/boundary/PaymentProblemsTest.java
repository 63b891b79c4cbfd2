package io.genesis.payments.boundary;

import io.genesis.payments.IdempotencyConflict;
import io.genesis.payments.InvalidPaymentRequest;
import io.genesis.payments.MandateNotFound;
import io.genesis.payments.NoPayerWallet;
import io.genesis.payments.PaymentNotFound;
import io.genesis.payments.PaymentStateConflict;
import io.genesis.payments.VendorUnreachable;
import io.genesis.problem.Problem;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each payments failure keeps the status, title and members its answer had when control code built the problem. */
class PaymentProblemsTest {

    @Test
    void missingThingsAre404() {
        assertEquals(new Problem("about:blank", "Not Found", 404, "No payment pay_1", null, Map.of()),
                PaymentProblems.problem(new PaymentNotFound("pay_1")));
        assertEquals(404, PaymentProblems.problem(new MandateNotFound("mdt_1")).status());
    }

    @Test
    void aUsedKeyIs409NamingThePurchaseButNotTheRefund() {
        Problem purchase = PaymentProblems.problem(IdempotencyConflict.purchase("pay_key_0000000001", "pay_1"));
        assertEquals(409, purchase.status());
        assertEquals(Map.of("payment_id", "pay_1"), purchase.extensions());
        assertEquals("Idempotency-Key pay_key_0000000001 was used for a different purchase (pay_1)", purchase.detail());
        assertEquals(Map.of(), PaymentProblems.problem(IdempotencyConflict.refund("ref_key_0000000001", "pay_2")).extensions());
        assertEquals(409, PaymentProblems.problem(new PaymentStateConflict("Payment pay_1 is DENIED")).status());
    }

    @Test
    void aBadFieldIs400Or422NamingIt() {
        Problem malformed = PaymentProblems.problem(InvalidPaymentRequest.malformed("vendor_url", "vendor_url is required"));
        assertEquals(400, malformed.status());
        assertEquals("Bad Request", malformed.title());
        assertEquals(Map.of("field", "vendor_url"), malformed.extensions());
        Problem impossible = PaymentProblems.problem(InvalidPaymentRequest.unprocessable("mode", "mode must be ONE_SHOT or STAGED"));
        assertEquals(422, impossible.status());
        assertEquals("Unprocessable Content", impossible.title());
    }

    @Test
    void aBrokenVendorIs502AndAMissingWallet503() {
        Problem vendor = PaymentProblems.problem(new VendorUnreachable("vendor did not answer"));
        assertEquals(502, vendor.status());
        assertEquals("Bad Gateway", vendor.title());
        Problem wallet = PaymentProblems.problem(new NoPayerWallet("research_agent", "No payer wallet for research_agent"));
        assertEquals(503, wallet.status());
        assertEquals("Service Unavailable", wallet.title());
        assertEquals(Map.of("agent_id", "research_agent"), wallet.extensions());
    }
}
