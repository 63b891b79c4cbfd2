package io.genesis.sites;

/** A waitlist sign-up whose {@code field} cannot be taken; the visitor is told why. */
public class InvalidSignUp extends RuntimeException {

    private final String field;

    public InvalidSignUp(String field, String message) {
        super(message, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
