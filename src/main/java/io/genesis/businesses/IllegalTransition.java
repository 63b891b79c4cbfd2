package io.genesis.businesses;

import io.genesis.problem.DomainException;

/**
 * A lifecycle move that {@link BusinessStatus#next()} does not allow, or whose starting status no longer holds (another
 * worker moved the business first). Nothing of the move was written; a request that caused it is answered 409.
 */
public class IllegalTransition extends DomainException {

    private final BusinessStatus from;
    private final BusinessStatus to;

    public IllegalTransition(String businessId, BusinessStatus from, BusinessStatus to, String why) {
        super(Kind.CONFLICT, "business " + businessId + " may not move from " + from + " to " + to + ": " + why);
        with("business_id", businessId);
        this.from = from;
        this.to = to;
    }

    public BusinessStatus from() {
        return from;
    }

    public BusinessStatus to() {
        return to;
    }
}
