package io.genesis.payments;

import io.genesis.api.JsonConventions;
import io.genesis.payments.store.PaymentStore;
import io.genesis.runtime.AgentResult;
import io.genesis.runtime.PermanentFailure;
import io.genesis.runtime.TaskContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;

/**
 * Purchases made by agents while they work on a task whose content carries a {@code purchase} object
 * ({@code vendor_url}, optional {@code method}, {@code body}, {@code purpose}, {@code mode}, {@code max_amount_cents}).
 * ONE_SHOT pays, then works; STAGED authorizes, works (the deploy), then captures, or voids when the work fails.
 * The receipt lands in the result under {@value #RECEIPTS} and its cost in the task's cost. Every attempt of the task
 * is its own payment (key {@code task_<id>_<attempt>}); a vendor failure fails the attempt, so the runtime retries
 * and finally dead-letters; a denial, or an approval that timed out, fails the task for good; an earlier attempt's
 * capture is reused, never paid twice. The purchase belongs to the task's tenant (its envelope's), so its mandate,
 * budget reservation and spend are that tenant's.
 */
@ApplicationScoped
public class TaskPurchases {

    public static final String RECEIPTS = "x402.payment.receipts";
    private static final String AGENT_ACTOR = "agent";
    private static final String TASK_WITHOUT_TENANT = "default";

    /** A purchase that did not go through this time; the runtime retries the task. */
    public static final class PurchaseNotCompleted extends Exception {
        PurchaseNotCompleted(String message) {
            super(message, null, false, false);
        }
    }

    @Inject
    PurchaseIntake payments;

    @Inject
    StagedPayments staged;

    @Inject
    PaymentQueries queries;

    @Inject
    PaymentSettings settings;

    /**
     * Before the work: the payment of the task's purchase, CAPTURED (one-shot, or an earlier attempt's) or AUTHORIZED
     * (staged). Throws when the work must not start: {@link PermanentFailure} for a denial or an approval that timed
     * out, {@link PurchaseNotCompleted} for anything the runtime should retry.
     */
    public Payment pay(TaskContext task, JsonObject purchase) throws PermanentFailure, PurchaseNotCompleted {
        PurchaseRequest request = request(task, purchase);
        Payment payment = earlier(request).orElse(null);
        if (payment == null) {
            try {
                payment = payments.purchase(request).payment();
            } catch (VendorUnreachable e) {
                throw new PurchaseNotCompleted(e.getMessage());
            }
        }
        return switch (payment.paymentStatus()) {
            case CAPTURED, AUTHORIZED -> payment;
            case DENIED -> throw new PermanentFailure("payment " + payment.paymentId() + " denied: " + payment.errorCode() + ": "
                    + payment.errorMessage());
            case PENDING_APPROVAL -> throw new PurchaseNotCompleted("payment " + payment.paymentId()
                    + " awaits a human decision (POST /api/payments/" + payment.paymentId() + "/decision)");
            case EXPIRED -> {
                if (ApprovalTimeout.timedOut(payment)) {
                    throw new PermanentFailure("payment " + payment.paymentId() + " expired awaiting approval: " + payment.errorMessage());
                }
                throw new PurchaseNotCompleted("payment " + payment.paymentId() + " expired: " + payment.errorMessage());
            }
            default -> throw new PurchaseNotCompleted("payment " + payment.paymentId() + " is " + payment.status()
                    + (payment.errorMessage() == null ? "" : ": " + payment.errorMessage()));
        };
    }

    /** After the work succeeded: captures an authorization, and puts the receipt on the result and its cost in it. */
    public AgentResult settle(TaskContext task, Payment payment, AgentResult result) throws PurchaseNotCompleted {
        if (payment.paymentStatus() != PaymentStatus.AUTHORIZED) {
            return withReceipt(result, payment);
        }
        Payment captured = staged.capture(TenantScope.of(payment.tenantId()), payment.paymentId(), task.policy().agent()).payment();
        if (captured.paymentStatus() != PaymentStatus.CAPTURED) {
            throw new PurchaseNotCompleted("payment " + captured.paymentId() + " was not captured: " + captured.status()
                    + (captured.errorCode() == null ? "" : " (" + captured.errorCode() + ")"));
        }
        return withReceipt(result, captured);
    }

    /** After the work failed: voids an authorization (a captured one-shot payment stays paid). */
    public void release(TaskContext task, Payment payment, Exception failure) {
        if (payment.paymentStatus() == PaymentStatus.AUTHORIZED) {
            staged.voidAuthorization(TenantScope.of(payment.tenantId()), payment.paymentId(), task.policy().agent(),
                    "work failed: " + failure.getMessage());
        }
    }

    private PurchaseRequest request(TaskContext task, JsonObject purchase) throws PermanentFailure {
        var envelope = task.envelope();
        String business = envelope.businessId() != null ? envelope.businessId() : text(purchase, "business_id");
        try {
            return PurchaseRequest.validated("task_" + envelope.taskId() + "_" + task.attempt(), tenant(task), business,
                    task.policy().agent(), envelope.taskId(), text(purchase, "purpose"), text(purchase, "mode"),
                    text(purchase, "method"), text(purchase, "vendor_url"), purchase.get("body"),
                    purchase.get("max_amount_cents") instanceof JsonNumber max ? max.longValue() : null,
                    settings.absurdAmountCents());
        } catch (InvalidPaymentRequest invalid) {
            throw new PermanentFailure("invalid purchase: " + invalid.getMessage());
        }
    }

    /**
     * A charge of an earlier attempt of this task for the same request that is captured, authorized or awaiting
     * approval (reused), or whose human decision was final: denied, or expired awaiting it (the task then fails for
     * good instead of asking again on every attempt).
     */
    private Optional<Payment> earlier(PurchaseRequest request) {
        Set<PaymentStatus> reusable = Set.of(PaymentStatus.CAPTURED, PaymentStatus.AUTHORIZED, PaymentStatus.PENDING_APPROVAL,
                PaymentStatus.DENIED);
        return queries.list(TenantScope.of(request.tenantId()),
                        new PaymentStore.Filter(null, request.agentId(), request.taskId(), null, null, "CHARGE"), 100)
                .stream()
                .filter(p -> request.fingerprint().equals(p.requestFingerprint())
                        && (reusable.contains(p.paymentStatus()) || ApprovalTimeout.timedOut(p)))
                .max(Comparator.comparing(Payment::createdAt));
    }

    /** The task's tenant, which the purchase, its mandate and its budget belong to ({@code default} for none, as its result row). */
    private static String tenant(TaskContext task) {
        String tenant = task.envelope().tenantId();
        return tenant == null || tenant.isBlank() ? TASK_WITHOUT_TENANT : tenant;
    }

    private static AgentResult withReceipt(AgentResult result, Payment payment) {
        JsonObjectBuilder receipt = JsonConventions.json().createObjectBuilder()
                .add("payment_id", payment.paymentId())
                .add("status", payment.status())
                .add("success", true)
                .add("tx_hash", payment.txHash())
                .add("network", payment.network())
                .add("payer", payment.payer())
                .add("pay_to", payment.payTo())
                .add("amount_atomic", payment.amountAtomic())
                .add("cost_cents", payment.capturedCents())
                .add("vendor_url", payment.vendorUrl())
                .add("simulated", payment.simulated())
                .add("settled_at", String.valueOf(payment.capturedAt()));
        JsonObjectBuilder output = result.output() instanceof JsonObject object ? JsonConventions.json().createObjectBuilder(object)
                : JsonConventions.json().createObjectBuilder().add("output", result.output());
        output.add(RECEIPTS, JsonConventions.json().createArrayBuilder().add(receipt));
        BigDecimal cost = result.costCents().add(payment.capturedCents());
        return result.withOutput(output.build()).withCostCents(cost);
    }

    private static String text(JsonObject json, String name) {
        JsonValue value = json.get(name);
        return value instanceof JsonString string ? string.getString() : null;
    }
}
