package io.genesis.payments;

import io.genesis.payments.x402.PaymentRequired;
import io.genesis.payments.x402.RemoteUnavailable;
import io.genesis.payments.x402.VendorClient;
import io.genesis.payments.x402.X402;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * Asks a vendor for its price: the unpaid request, which an x402 vendor answers with 402 and a {@code PaymentRequired}
 * (v2 in the {@code PAYMENT-REQUIRED} header, v1 in the body). Anything else is {@link VendorUnreachable}.
 */
@ApplicationScoped
public class VendorQuotes {

    @Inject
    VendorClient vendors;

    /** The quote of catalogue vendor {@code vendorId} for {@code request}; every refusal names the vendor and its URL. */
    public PaymentRequired quote(PurchaseRequest request, String vendorId) {
        VendorClient.Reply reply;
        try {
            reply = vendors.quote(request.method(), request.vendorUrl(), request.bodyText());
        } catch (RemoteUnavailable e) {
            throw new VendorUnreachable("vendor " + vendorId + ": " + e.getMessage());
        } catch (FaultToleranceException e) {
            throw new VendorUnreachable("vendor " + vendorId + " (" + request.vendorUrl() + ") not asked: " + e.getClass().getSimpleName()
                    + " (too many vendor calls at once)");
        }
        if (reply.status() != 402) {
            throw new VendorUnreachable("vendor " + vendorId + " (" + request.vendorUrl() + ") answered HTTP " + reply.status()
                    + " instead of 402 Payment Required; nothing to pay");
        }
        if (reply.paymentRequired() == null) {
            try {
                return PaymentRequired.fromV1Body(reply.body());
            } catch (IllegalArgumentException e) {
                throw new VendorUnreachable("vendor " + request.vendorUrl() + " answered 402 with neither a " + X402.PAYMENT_REQUIRED
                        + " header (x402 v2) nor a PaymentRequired body (x402 v1): " + e.getMessage());
            }
        }
        try {
            return PaymentRequired.fromHeader(reply.paymentRequired());
        } catch (IllegalArgumentException e) {
            throw new VendorUnreachable("vendor " + request.vendorUrl() + " sent a malformed " + X402.PAYMENT_REQUIRED + ": " + e.getMessage());
        }
    }
}
