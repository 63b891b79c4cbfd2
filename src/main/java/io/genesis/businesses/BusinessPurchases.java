package io.genesis.businesses;

import io.genesis.api.JsonConventions;
import io.genesis.businesses.store.BusinessStore;
import io.genesis.businesses.store.StoreUnavailable;
import io.genesis.payments.PaymentSettings;
import io.genesis.payments.ProjectedRevenueSource;
import io.genesis.payments.TenantScope;
import io.genesis.payments.Vendor;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.config.Config;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What agents buy while they build a business, and the business side of spend summaries. From
 * {@code genesis.businesses.purchases} ({@code agent=vendor[:staged][:optional|:required],...}): the first task of each
 * listed agent in a business carries a {@code purchase} of that vendor (a staged one is authorized, captured only when
 * the work succeeds, voided otherwise). A purchase is optional (skipped when no budget covers it) or required (the
 * business waits for budget); unmarked, it is optional when its vendor's category is one of
 * {@code genesis.businesses.purchases.optional-categories}. Also the projected revenue the spend summary's ROI is
 * computed from.
 */
@ApplicationScoped
public class BusinessPurchases implements ProjectedRevenueSource {

    /** What one agent buys: the vendor, whether it is staged and whether the business needs it. */
    public record Purchase(String vendorId, boolean staged, boolean required) {
    }

    @Inject
    Config config;

    @Inject
    BusinessStore store;

    @Inject
    PaymentSettings payments;

    private final Map<String, Purchase> byAgent = new LinkedHashMap<>();

    @PostConstruct
    void load() {
        List<String> optionalCategories = config.getOptionalValues("genesis.businesses.purchases.optional-categories", String.class)
                .orElse(List.of()).stream().map(String::trim).toList();
        for (String entry : config.getOptionalValues("genesis.businesses.purchases", String.class).orElse(List.of())) {
            String[] agentAndVendor = entry.trim().split("=", 2);
            if (agentAndVendor.length == 2 && !agentAndVendor[1].isBlank()) {
                byAgent.put(agentAndVendor[0].trim(), parse(agentAndVendor[1].trim(),
                        vendor -> payments.vendor(vendor).map(Vendor::category), optionalCategories));
            }
        }
    }

    /**
     * One {@code vendor[:staged][:optional|:required]}; unmarked, optional when the vendor's category (from
     * {@code categoryOf}, empty for a vendor not in the catalogue: refused) is one of {@code optionalCategories}.
     */
    static Purchase parse(String spec, Function<String, Optional<String>> categoryOf, List<String> optionalCategories) {
        String[] parts = spec.split(":");
        String vendor = parts[0].trim();
        String category = categoryOf.apply(vendor).orElseThrow(() -> new IllegalStateException(
                "genesis.businesses.purchases names vendor " + vendor + ", which is not in genesis.payments.vendors"));
        boolean staged = false;
        Boolean required = null;
        for (int i = 1; i < parts.length; i++) {
            switch (parts[i].trim().toLowerCase(Locale.ROOT)) {
                case "staged" -> staged = true;
                case "optional" -> required = false;
                case "required" -> required = true;
                default -> throw new IllegalStateException("genesis.businesses.purchases: '" + parts[i]
                        + "' is not staged, optional or required (in " + spec + ")");
            }
        }
        return new Purchase(vendor, staged, required != null ? required : !optionalCategories.contains(category));
    }

    /** The purchase the agent's first task of a business makes, if that agent buys anything. */
    Optional<Purchase> purchaseFor(BusinessTask task, List<BusinessTask> tasks) {
        Purchase purchase = task.agentId() == null ? null : byAgent.get(task.agentId());
        boolean firstOfAgent = tasks.stream().filter(t -> task.agentId() != null && task.agentId().equals(t.agentId()))
                .mapToInt(BusinessTask::position).min().orElse(-1) == task.position();
        return purchase == null || !firstOfAgent ? Optional.empty() : Optional.of(purchase);
    }

    /** The {@code purchase} object of the task's assignment (its vendor resource is per business and task). */
    JsonObject purchaseJson(BusinessRecord business, BusinessTask task, Purchase purchase) {
        String url = config.getValue("genesis.payments.vendors." + purchase.vendorId() + ".url", String.class);
        return JsonConventions.json().createObjectBuilder()
                .add("vendor_url", url + "/" + business.businessId() + "/" + task.taskId())
                .add("purpose", task.taskType() + " for " + business.businessType() + " " + business.businessId())
                .add("mode", purchase.staged() ? "STAGED" : "ONE_SHOT")
                .build();
    }

    @Override
    public Optional<BigDecimal> projectedMonthlyRevenue(TenantScope scope, String businessId) {
        try {
            return store.projectedMonthlyRevenue(scope.tenantId(), businessId);
        } catch (StoreUnavailable e) {
            return Optional.empty();
        }
    }
}
