package io.genesis.businesses;

import io.genesis.api.JsonConventions;
import io.genesis.businesses.store.BusinessStore;
import io.genesis.businesses.store.StoreUnavailable;
import io.genesis.payments.ProjectedRevenueSource;
import io.genesis.payments.TenantScope;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.config.Config;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What agents buy while they build a business, and the business side of spend summaries. From
 * {@code genesis.businesses.purchases} ({@code agent=vendor[:staged],...}): the first task of each listed agent in a
 * business carries a {@code purchase} of that vendor (the deploy's domain is staged: authorized, captured only when
 * the deploy succeeds, voided otherwise). Also the projected revenue the spend summary's ROI is computed from.
 */
@ApplicationScoped
public class BusinessPurchases implements ProjectedRevenueSource {

    @Inject
    Config config;

    @Inject
    BusinessStore store;

    private final Map<String, String[]> byAgent = new LinkedHashMap<>();

    @PostConstruct
    void load() {
        for (String entry : config.getOptionalValues("genesis.businesses.purchases", String.class).orElse(List.of())) {
            String[] agentAndVendor = entry.trim().split("=", 2);
            if (agentAndVendor.length == 2 && !agentAndVendor[1].isBlank()) {
                byAgent.put(agentAndVendor[0].trim(), agentAndVendor[1].trim().split(":", 2));
            }
        }
    }

    /** The purchase the agent's first task of a business makes, if that agent buys anything. */
    Optional<JsonObject> purchaseFor(BusinessRecord business, BusinessTask task, List<BusinessTask> tasks) {
        String[] vendor = byAgent.get(task.agentId());
        boolean firstOfAgent = tasks.stream().filter(t -> task.agentId() != null && task.agentId().equals(t.agentId()))
                .mapToInt(BusinessTask::position).min().orElse(-1) == task.position();
        if (vendor == null || !firstOfAgent) {
            return Optional.empty();
        }
        String url = config.getValue("genesis.payments.vendors." + vendor[0] + ".url", String.class);
        boolean staged = vendor.length == 2 && vendor[1].equalsIgnoreCase("staged");
        return Optional.of(JsonConventions.json().createObjectBuilder()
                .add("vendor_url", url + "/" + business.businessId() + "/" + task.taskId())
                .add("purpose", task.taskType() + " for " + business.businessType() + " " + business.businessId())
                .add("mode", staged ? "STAGED" : "ONE_SHOT")
                .build());
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
