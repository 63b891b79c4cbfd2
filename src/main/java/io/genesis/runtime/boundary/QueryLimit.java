package io.genesis.runtime.boundary;

/** The {@code limit} query parameter of the inspect endpoints: a whole number from 1 to a documented maximum. */
final class QueryLimit {

    static final int DEFAULT = 10;
    static final int MAX = 1000;

    private QueryLimit() {
    }

    /** {@code raw} as a limit; absent means {@value #DEFAULT}; anything else outside 1..{@value #MAX} is an {@link InvalidRequest}. */
    static int parse(String raw) {
        if (raw == null) {
            return DEFAULT;
        }
        int limit;
        try {
            limit = Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw outOfRange(raw);
        }
        if (limit < 1 || limit > MAX) {
            throw outOfRange(raw);
        }
        return limit;
    }

    private static InvalidRequest outOfRange(String raw) {
        return new InvalidRequest("limit must be a whole number from 1 to " + MAX + " (default " + DEFAULT
                + "); got '" + raw + "'");
    }
}
