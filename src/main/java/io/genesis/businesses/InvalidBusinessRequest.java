package io.genesis.businesses;

import io.genesis.problem.DomainException;

/** A business creation request broke a rule; answered 400 with {@code field} naming it (dotted for requirements). */
public class InvalidBusinessRequest extends DomainException {

    public InvalidBusinessRequest(String field, String message) {
        super(Kind.INVALID, message);
        with("field", field);
    }

    public String field() {
        return (String) extensions().get("field");
    }
}
