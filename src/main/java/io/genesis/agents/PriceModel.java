package io.genesis.agents;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The price points a monetization text names: "Freemium, $9-29/month" is a subscription from $9 to $29 with a free
 * tier, "$0.01-0.10 per call" usage pricing, "10-20% commission per transaction" a commission. Texts without a
 * positive number get the defaults of their kind ({@link Kind#defaults}), so there is always a paid plan.
 *
 * @param points the prices (dollars, or percent for a commission), ascending
 */
record PriceModel(Kind kind, boolean freeTier, List<BigDecimal> points) {

    /** How the business charges, with the tier names (cheapest plan first) and the default price range. */
    enum Kind {
        SUBSCRIPTION("month", List.of("Starter", "Growth", "Pro"), "9", "29"),
        PER_SEAT("seat per month", List.of("Team", "Business", "Enterprise"), "29", "99"),
        /** Per call: the bigger plan buys calls cheaper, so tiers run from the highest price down. */
        USAGE("call", List.of("Scale", "Volume", "Pay as you go"), "0.01", "0.10"),
        /** Percent of each sale: the bigger plan pays the lower rate. */
        COMMISSION("percent of each sale", List.of("Premium seller", "Plus seller", "Standard seller"), "10", "20"),
        ONE_OFF("order", List.of("Single", "Bundle", "Collection"), "25", "120"),
        SPONSORED("month", List.of("Supporter", "Patron", "Sponsor"), "5", "50");

        final String unit;
        final List<String> tierNames;
        final List<BigDecimal> defaults;

        Kind(String unit, List<String> tierNames, String low, String high) {
            this.unit = unit;
            this.tierNames = tierNames;
            this.defaults = List.of(new BigDecimal(low), new BigDecimal(high));
        }
    }

    /** One plan: name and price in dollars (percent for a commission) per {@link Kind#unit}. */
    record Tier(String name, BigDecimal price) {
    }

    private static final Pattern PERCENT_RANGE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%?\\s*(?:-|–|to)\\s*(\\d+(?:\\.\\d+)?)\\s*%");
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%");
    private static final Pattern DOLLARS = Pattern.compile("\\$\\s*(\\d+(?:\\.\\d+)?)(?:\\s*(?:-|–|to)\\s*\\$?\\s*(\\d+(?:\\.\\d+)?))?");
    /** Monthly calls of a typical usage customer, to turn a per-call price into monthly revenue. */
    static final BigDecimal CALLS_PER_CUSTOMER_MONTH = new BigDecimal(1_000);
    /** Monthly sales of a typical marketplace seller, to turn a commission into monthly revenue. */
    static final BigDecimal SALES_PER_SELLER_MONTH = new BigDecimal(200);
    private static final BigDecimal HUNDRED = new BigDecimal(100);

    static PriceModel parse(String monetization) {
        String text = monetization == null ? "" : monetization.toLowerCase(Locale.ROOT);
        Kind kind = kindOf(text);
        List<BigDecimal> points = new ArrayList<>();
        Matcher range = PERCENT_RANGE.matcher(text);
        Matcher amounts = DOLLARS.matcher(text);
        if (kind == Kind.COMMISSION && range.find()) {
            points.add(new BigDecimal(range.group(1)));
            points.add(new BigDecimal(range.group(2)));
        } else if (kind == Kind.COMMISSION) {
            PERCENT.matcher(text).results().forEach(match -> points.add(new BigDecimal(match.group(1))));
        } else {
            while (amounts.find()) {
                points.add(new BigDecimal(amounts.group(1)));
                if (amounts.group(2) != null) {
                    points.add(new BigDecimal(amounts.group(2)));
                }
            }
        }
        points.removeIf(point -> point.signum() <= 0);
        List<BigDecimal> sorted = (points.isEmpty() ? kind.defaults : points).stream().sorted().toList();
        boolean free = mentions(text, "free(mium)?") || kind == Kind.SPONSORED
                || kind == Kind.SUBSCRIPTION && (mentions(text, "sponsor(ship)?s?") || mentions(text, "ads"));
        return new PriceModel(kind, free, sorted);
    }

    private static Kind kindOf(String text) {
        if (mentions(text, "commission") || PERCENT.matcher(text).find()) {
            return Kind.COMMISSION;
        }
        if (mentions(text, "per call") || mentions(text, "per request") || mentions(text, "usage")) {
            return Kind.USAGE;
        }
        if (mentions(text, "per user") || mentions(text, "per seat") || mentions(text, "seats?")) {
            return Kind.PER_SEAT;
        }
        if (mentions(text, "month(ly)?") || text.contains("/mo") || mentions(text, "subscriptions?") || mentions(text, "freemium")
                || mentions(text, "premium")) {
            return Kind.SUBSCRIPTION;
        }
        if (mentions(text, "ads") || mentions(text, "affiliates?") || mentions(text, "sponsor(ship)?s?")) {
            return Kind.SPONSORED;
        }
        return Kind.ONE_OFF;
    }

    private static boolean mentions(String text, String wordPattern) {
        return Pattern.compile("\\b" + wordPattern + "\\b").matcher(text).find();
    }

    /**
     * The plans, cheapest first: an optional free plan, then the low, middle and high price points (the middle one
     * is the mean, ending in 9 from $10 up for dollar prices). Usage and commission plans list the highest rate first
     * under the entry plan's name, so "cheapest first" holds for the customer's first bill.
     */
    List<Tier> tiers() {
        List<BigDecimal> prices = new ArrayList<>();
        prices.add(points.get(0));
        if (points.size() > 1) {
            BigDecimal low = points.get(0);
            BigDecimal high = points.get(points.size() - 1);
            prices.add(middle(low, high));
            prices.add(high);
        }
        boolean descending = kind == Kind.USAGE || kind == Kind.COMMISSION;
        List<Tier> tiers = new ArrayList<>();
        if (freeTier) {
            tiers.add(new Tier("Free", BigDecimal.ZERO));
        }
        for (int i = 0; i < prices.size(); i++) {
            BigDecimal price = descending ? prices.get(prices.size() - 1 - i) : prices.get(i);
            String name = descending ? kind.tierNames.get(kind.tierNames.size() - 1 - i) : kind.tierNames.get(i);
            tiers.add(new Tier(name, price));
        }
        return tiers;
    }

    /** Dollars a typical paying customer brings per month on the entry paid plan. */
    BigDecimal monthlyRevenuePerCustomer() {
        Tier entry = tiers().stream().filter(tier -> tier.price().signum() > 0).findFirst().orElseThrow();
        return switch (kind) {
            case USAGE -> entry.price().multiply(CALLS_PER_CUSTOMER_MONTH);
            case COMMISSION -> entry.price().multiply(SALES_PER_SELLER_MONTH).divide(HUNDRED, 2, RoundingMode.HALF_UP);
            default -> entry.price();
        };
    }

    String unit() {
        return kind.unit;
    }

    /** "$9 to $29 per month", "10% to 20% of each sale". */
    String describe() {
        String low = format(points.get(0));
        String high = format(points.get(points.size() - 1));
        String range = points.size() > 1 ? low + " to " + high : low;
        return kind == Kind.COMMISSION ? range + " of each sale" : range + " per " + kind.unit;
    }

    String format(BigDecimal price) {
        String number = price.stripTrailingZeros().toPlainString();
        return kind == Kind.COMMISSION ? number + "%" : "$" + number;
    }

    private BigDecimal middle(BigDecimal low, BigDecimal high) {
        BigDecimal mean = low.add(high).divide(BigDecimal.valueOf(2), 4, RoundingMode.HALF_UP);
        if (mean.compareTo(BigDecimal.ONE) < 0) {
            return mean.setScale(2, RoundingMode.HALF_UP);
        }
        if (kind == Kind.COMMISSION || mean.compareTo(BigDecimal.TEN) < 0) {
            return mean.setScale(0, RoundingMode.HALF_UP);
        }
        // charm price: 64 -> 69, 174 -> 179
        return BigDecimal.valueOf(mean.longValue() / 10 * 10 + 9);
    }
}
