package io.genesis.payments;

import io.genesis.runtime.AgentHandler;
import io.genesis.runtime.AgentResult;
import io.genesis.runtime.TaskContext;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.json.JsonObject;

/**
 * A task whose content has a {@code purchase} object pays for it through {@link TaskPurchases} around the agent's
 * work, whichever handler does it: paid or authorized before, captured (receipt on the result, cost on the task)
 * after, voided when the work fails. Inside the grading decorator, so the
 * grade sees the receipt.
 */
@Decorator
@Priority(PurchaseDecorator.PRIORITY)
public abstract class PurchaseDecorator implements AgentHandler {

    /** After (inside) the quality grading, which runs at {@link Interceptor.Priority#APPLICATION}. */
    public static final int PRIORITY = Interceptor.Priority.APPLICATION + 100;

    @Inject
    @Delegate
    @Any
    AgentHandler delegate;

    @Inject
    TaskPurchases purchases;

    @Override
    public AgentResult handle(TaskContext task) throws Exception {
        if (!(task.envelope().content() instanceof JsonObject content && content.get("purchase") instanceof JsonObject purchase)) {
            return delegate.handle(task);
        }
        Payment payment = purchases.pay(task, purchase);
        AgentResult result;
        try {
            // called here, not from a callback inside TaskPurchases: a delegate called from within another bean's
            // proxied method would re-enter this decorator chain from its start
            result = delegate.handle(task);
        } catch (Exception failed) {
            purchases.release(task, payment, failed);
            throw failed;
        }
        return purchases.settle(task, payment, result);
    }
}
