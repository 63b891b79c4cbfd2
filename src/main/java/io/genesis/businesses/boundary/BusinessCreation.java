package io.genesis.businesses.boundary;

import io.genesis.businesses.BusinessRequest;
import io.genesis.businesses.InvalidBusinessRequest;
import jakarta.json.JsonObject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The body of {@code POST /api/businesses} as it arrives on the wire: read by JSON-B (snake_case, unknown members and
 * values of the wrong kind refused by name) and checked by Bean Validation; {@link #toRequest()} resolves the older
 * aliases and hands the domain its {@link BusinessRequest}, whose own rules (type given twice, the simulate hooks) are
 * checked when it is built.
 *
 * @param requirements the Meta-Agent guide's {@code BusinessRequirements}
 */
public record BusinessCreation(
        String businessType,
        @Valid Requirements requirements,
        Boolean autonomous,
        String tenantId) {

    static final int MAX_ITEMS = 20;
    static final int MAX_ITEM_LENGTH = 200;
    private static final String ITEMS = "must hold at most " + MAX_ITEMS + " items";
    private static final String ITEM = "must hold non-empty strings of at most " + MAX_ITEM_LENGTH + " characters";

    /**
     * Every field of the guide's {@code BusinessRequirements} under its own name, plus ours ({@code budget_usd},
     * {@code simulate}). {@code features} and {@code target_market} are the older names of {@code mvp_features} and
     * {@code target_audience}: either may be given, both only with the same value.
     */
    public record Requirements(
            String name,
            String description,
            String targetAudience,
            String targetMarket,
            String monetization,
            @Size(max = MAX_ITEMS, message = ITEMS)
            List<@NotBlank(message = ITEM) @Size(max = MAX_ITEM_LENGTH, message = ITEM) String> mvpFeatures,
            @Size(max = MAX_ITEMS, message = ITEMS)
            List<@NotBlank(message = ITEM) @Size(max = MAX_ITEM_LENGTH, message = ITEM) String> features,
            @Size(max = MAX_ITEMS, message = ITEMS)
            List<@NotBlank(message = ITEM) @Size(max = MAX_ITEM_LENGTH, message = ITEM) String> techStack,
            @Size(max = MAX_ITEMS, message = "must map at most " + MAX_ITEMS + " metric names to their targets")
            Map<@NotBlank(message = "must name each metric") @Size(max = MAX_ITEM_LENGTH, message = ITEM) String,
                    @NotBlank(message = "must give each metric a non-empty target")
                    @Size(max = MAX_ITEM_LENGTH, message = ITEM) String> successMetrics,
            String businessType,
            String estimatedTime,
            @Positive(message = BUDGET) @DecimalMax(value = "10000000", message = BUDGET) Double budgetUsd,
            JsonObject simulate) {

        private static final String BUDGET = "must be a positive number of dollars (at most 10,000,000)";

        BusinessRequest.Requirements toRequirements() {
            return new BusinessRequest.Requirements(name, description,
                    aliased(targetAudience, targetMarket, "target_audience", "target_market"), monetization,
                    aliased(mvpFeatures, features, "mvp_features", "features"), techStack, successMetrics, businessType,
                    estimatedTime, budgetUsd, simulate);
        }

        private static <T> T aliased(T name, T alias, String nameField, String aliasField) {
            if (name != null && alias != null && !Objects.equals(name, alias)) {
                throw new InvalidBusinessRequest("requirements." + nameField, "requirements." + nameField
                        + " and its alias requirements." + aliasField + " differ; give one, or both the same");
            }
            return name != null ? name : alias;
        }
    }

    /** The domain's request: aliases resolved, the domain's own rules checked (an {@link InvalidBusinessRequest}). */
    public BusinessRequest toRequest() {
        return new BusinessRequest(businessType, requirements == null ? null : requirements.toRequirements(), autonomous,
                tenantId);
    }
}
