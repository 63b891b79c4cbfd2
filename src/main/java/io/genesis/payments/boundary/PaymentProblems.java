package io.genesis.payments.boundary;

import io.genesis.payments.DecisionTooLate;
import io.genesis.payments.IdempotencyConflict;
import io.genesis.payments.InvalidPaymentRequest;
import io.genesis.payments.MandateNotFound;
import io.genesis.payments.NoPayerWallet;
import io.genesis.payments.PaymentsNotConfigured;
import io.genesis.payments.PaymentFailure;
import io.genesis.payments.PaymentNotFound;
import io.genesis.payments.PaymentStateConflict;
import io.genesis.payments.VendorUnreachable;
import io.genesis.problem.Problem;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The payments failures as problem+json: not found 404, a used key, a late decision or a wrong state 409 (naming the
 * payment where the caller can look it up), a bad field 400 or 422 with {@code field}, an unusable vendor 502, no
 * wallet for a live payment 503 with {@code agent_id}.
 */
@Provider
public class PaymentProblems implements ExceptionMapper<PaymentFailure> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(PaymentFailure failure) {
        Problem problem = problem(failure);
        return (uriInfo == null ? problem : problem.withInstance(uriInfo.getRequestUri().getRawPath())).toResponse();
    }

    static Problem problem(PaymentFailure failure) {
        String detail = failure.getMessage();
        if (failure instanceof PaymentNotFound || failure instanceof MandateNotFound) {
            return Problem.of(Response.Status.NOT_FOUND, detail);
        }
        if (failure instanceof IdempotencyConflict conflict) {
            Problem problem = Problem.of(Response.Status.CONFLICT, detail);
            return conflict.paymentId() == null ? problem : problem.with("payment_id", conflict.paymentId());
        }
        if (failure instanceof DecisionTooLate late) {
            return Problem.of(Response.Status.CONFLICT, detail).with("payment_status", late.paymentStatus())
                    .with("payment_id", late.paymentId());
        }
        if (failure instanceof PaymentStateConflict) {
            return Problem.of(Response.Status.CONFLICT, detail);
        }
        if (failure instanceof InvalidPaymentRequest invalid) {
            return (invalid.malformed() ? Problem.of(Response.Status.BAD_REQUEST, detail) : Problem.unprocessable(detail))
                    .with("field", invalid.field());
        }
        if (failure instanceof PaymentsNotConfigured) {
            return Problem.of(Response.Status.SERVICE_UNAVAILABLE, detail);
        }
        if (failure instanceof VendorUnreachable) {
            return Problem.of(Response.Status.BAD_GATEWAY, detail);
        }
        NoPayerWallet noWallet = (NoPayerWallet) failure;
        return Problem.of(Response.Status.SERVICE_UNAVAILABLE, detail).with("agent_id", noWallet.agentId());
    }
}
