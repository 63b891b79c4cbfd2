package io.genesis.businesses;

/**
 * A lifecycle move that {@link BusinessStatus#next()} does not allow, or whose starting status no longer holds (another
 * worker moved the business first). Nothing of the move was written.
 */
public class IllegalTransition extends RuntimeException {

    private final String businessId;
    private final BusinessStatus from;
    private final BusinessStatus to;

    public IllegalTransition(String businessId, BusinessStatus from, BusinessStatus to, String why) {
        super("business " + businessId + " may not move from " + from + " to " + to + ": " + why, null, false, false);
        this.businessId = businessId;
        this.from = from;
        this.to = to;
    }

    public String businessId() {
        return businessId;
    }

    public BusinessStatus from() {
        return from;
    }

    public BusinessStatus to() {
        return to;
    }
}
