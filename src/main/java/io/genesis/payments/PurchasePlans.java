package io.genesis.payments;

import io.genesis.payments.store.PlanStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * The Meta-Agent's purchase planning: before a task that buys is published, its purchase (the vendor's configured price;
 * a vendor without one is only judged by the approval policy when it quotes) is earmarked against what is left of the agent's daily budget in the tenant and of the per-business limit, atomically
 * ({@link PlanStore#earmark}). What cannot be covered is skipped when optional and waits when required; a waiting plan
 * is tried again on every later planning of its task. The payment of a covered purchase takes its earmark; when the
 * business ends first the earmark goes back ({@link #release}). Real denials (mandate, allowlist, fraud) are not
 * foreseen here: the approval policy still decides them at payment time.
 */
@ApplicationScoped
public class PurchasePlans {

    /** One purchase a business task wants to make. */
    public record Wanted(String tenantId, String businessId, String taskId, String runtimeTaskId, String agentId, String vendorId,
                         boolean required) {
    }

    /** A purchase the planning skipped, for the spend summary. */
    public record Skipped(String taskId, String agentId, String vendorId, long amountCents, String reason) {
    }

    @Inject
    PlanStore store;

    @Inject
    Budgets budgets;

    @Inject
    PaymentSettings settings;

    public PurchasePlan plan(Wanted wanted) {
        Vendor vendor = settings.vendor(wanted.vendorId())
                .orElseThrow(() -> new IllegalStateException("vendor " + wanted.vendorId() + " is not in the catalogue"));
        if (vendor.priceCents() == null) {
            return covered(wanted, 0); // a real vendor whose price only its own 402 quote tells: the policy judges it at payment
        }
        long cents = vendor.priceCents();
        Optional<PlanStore.Plan> earlier = store.find(wanted.tenantId(), wanted.businessId(), wanted.taskId());
        if (earlier.isPresent() && !"WAITING".equals(earlier.get().state())) {
            PlanStore.Plan plan = earlier.get();
            return switch (plan.state()) {
                case "PLANNED", "PAID" -> covered(wanted, plan.cents());
                default -> new PurchasePlan(PurchasePlan.Outcome.SKIPPED, wanted.vendorId(), plan.cents(), plan.required(),
                        plan.reason() == null ? "the business ended before the purchase" : plan.reason(), null);
            };
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        PlanStore.Plan plan = new PlanStore.Plan(wanted.tenantId(), wanted.businessId(), wanted.taskId(), wanted.runtimeTaskId(),
                wanted.agentId(), wanted.vendorId(), wanted.required(), cents, today, "PLANNED", null);
        long agentLimit = budgets.dailyLimitCents(wanted.tenantId(), wanted.agentId());
        long businessLimit = settings.businessLimitCents();
        PlanStore.Earmark earmark = store.earmark(plan, agentLimit, businessLimit);
        if (earmark.granted()) {
            return covered(wanted, cents);
        }
        boolean agentDay = earmark.refusedBy() == PlanStore.Counter.AGENT_DAY;
        long limit = agentDay ? agentLimit : businessLimit;
        long left = Math.max(0, limit - earmark.spentCents());
        PurchasePlan.BudgetBlock block = new PurchasePlan.BudgetBlock(agentDay ? "agent_daily" : "business", wanted.agentId(),
                wanted.tenantId(), cents, left, limit, today);
        String reason = (agentDay ? wanted.agentId() + "'s daily budget in tenant " + wanted.tenantId() + " has " + Money.dollars(left)
                + " left of " + Money.dollars(limit) + " on " + today
                : "business " + wanted.businessId() + " has " + Money.dollars(left) + " left of its " + Money.dollars(limit) + " limit")
                + "; " + vendor.id() + " costs " + Money.dollars(cents);
        PurchasePlan.Outcome outcome = wanted.required() ? PurchasePlan.Outcome.WAITING : PurchasePlan.Outcome.SKIPPED;
        store.record(plan.with(outcome.name(), reason));
        return new PurchasePlan(outcome, wanted.vendorId(), cents, wanted.required(), reason, block);
    }

    /**
     * An approver let a business that waits for a purchase go on without it: the WAITING plan of that task becomes
     * SKIPPED with {@code reason} (nothing was earmarked for it, so no budget changes), and the next planning of the task
     * publishes it without the purchase. False when the task's purchase is not waiting.
     */
    public boolean waive(String tenantId, String businessId, String taskId, String reason) {
        Optional<PlanStore.Plan> waiting = store.find(tenantId, businessId, taskId).filter(plan -> "WAITING".equals(plan.state()));
        waiting.ifPresent(plan -> store.record(plan.with(PurchasePlan.Outcome.SKIPPED.name(), reason)));
        return waiting.isPresent();
    }

    /** The business ended: what was earmarked and not paid goes back, and nothing of it waits any more. */
    public void release(String tenantId, String businessId) {
        store.release(tenantId, businessId);
    }

    /** The purchases of the business the planning skipped, within {@code scope}. */
    public List<Skipped> skipped(TenantScope scope, String businessId) {
        return store.skipped(scope, businessId).stream()
                .map(plan -> new Skipped(plan.taskId(), plan.agentId(), plan.vendorId(), plan.cents(), plan.reason())).toList();
    }

    private static PurchasePlan covered(Wanted wanted, long cents) {
        return new PurchasePlan(PurchasePlan.Outcome.COVERED, wanted.vendorId(), cents, wanted.required(), null, null);
    }
}
