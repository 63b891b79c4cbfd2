package io.genesis.businesses;

/** A business creation request broke a rule; {@link #field()} names the field (dotted for requirements). */
public class InvalidBusinessRequest extends RuntimeException {

    private final String field;

    public InvalidBusinessRequest(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
