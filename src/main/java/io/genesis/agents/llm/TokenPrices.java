package io.genesis.agents.llm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a model's tokens cost, from {@code genesis.llm.prices.<model>.input-per-million-cents} and
 * {@code .output-per-million-cents} (US cents per million prompt / completion tokens):
 * {@code cost = (prompt_tokens * input + completion_tokens * output) / 1,000,000} cents, rounded half-up to
 * {@value #SCALE} decimals (the precision of {@code omnidaemon_task_results.cost_cents}). A model with no price
 * configured is free (a local model), which {@link #priced} tells apart. Pure.
 */
public final class TokenPrices {

    public static final int SCALE = 4;
    public static final String KEY_PREFIX = "genesis.llm.prices.";
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private final Function<String, Optional<BigDecimal>> config;

    /** @param config a configuration value by key, empty when unset */
    public TokenPrices(Function<String, Optional<BigDecimal>> config) {
        this.config = config;
    }

    /** A model's price per million tokens: input (prompt) and output (completion), in cents. */
    public record Price(BigDecimal inputPerMillionCents, BigDecimal outputPerMillionCents) {

        public static final Price FREE = new Price(BigDecimal.ZERO, BigDecimal.ZERO);

        public Price {
            if (inputPerMillionCents.signum() < 0 || outputPerMillionCents.signum() < 0) {
                throw new IllegalArgumentException("token prices cannot be negative");
            }
        }

        /** The cost in cents of that usage. */
        public BigDecimal costCents(long promptTokens, long completionTokens) {
            return inputPerMillionCents.multiply(BigDecimal.valueOf(promptTokens))
                    .add(outputPerMillionCents.multiply(BigDecimal.valueOf(completionTokens)))
                    .divide(MILLION, SCALE, RoundingMode.HALF_UP);
        }
    }

    /** Whether the model has a price configured. */
    public boolean priced(String model) {
        return config.apply(KEY_PREFIX + model + ".input-per-million-cents").isPresent()
                || config.apply(KEY_PREFIX + model + ".output-per-million-cents").isPresent();
    }

    /** The model's price; a side not configured is free. */
    public Price of(String model) {
        return new Price(config.apply(KEY_PREFIX + model + ".input-per-million-cents").orElse(BigDecimal.ZERO),
                config.apply(KEY_PREFIX + model + ".output-per-million-cents").orElse(BigDecimal.ZERO));
    }

    /** The cost in cents of that usage of the model. */
    public BigDecimal costCents(String model, long promptTokens, long completionTokens) {
        return of(model).costCents(promptTokens, completionTokens);
    }
}
