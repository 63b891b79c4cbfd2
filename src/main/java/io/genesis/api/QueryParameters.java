package io.genesis.api;

/** Numeric query parameters ({@code limit}, {@code offset}) read the same way by every endpoint. */
public final class QueryParameters {

    private QueryParameters() {
    }

    /**
     * {@code raw} as a whole number from {@code min} to {@code max}; absent means {@code defaultValue}; anything else
     * (blank included) is a 400 problem naming the parameter (also in its {@code field} member).
     */
    public static int wholeNumber(String name, String raw, int defaultValue, int min, int max) {
        if (raw == null) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidParameter(name, name + " must be a whole number from " + min + " to " + max + " (default "
                + defaultValue + "); got '" + raw + "'");
    }

    /** {@link #wholeNumber} for {@code limit}, from 1 to {@code max}. */
    public static int limit(String raw, int defaultValue, int max) {
        return wholeNumber("limit", raw, defaultValue, 1, max);
    }
}
