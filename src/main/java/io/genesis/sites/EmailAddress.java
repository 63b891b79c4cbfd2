package io.genesis.sites;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A waitlist address as stored: trimmed, lower case, at most {@value #MAX_LENGTH} characters (local part at most
 * {@value #MAX_LOCAL}), one {@code @}, a domain of dotted labels. Quotes, spaces, angle brackets and other markup
 * characters are refused, so no stored address can carry a script whatever page later shows it.
 */
public record EmailAddress(String value) {

    public static final int MAX_LENGTH = 254;
    static final int MAX_LOCAL = 64;
    private static final Pattern VALID = Pattern.compile(
            "[a-z0-9.!#$%&*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+");

    public EmailAddress {
        int at = value == null ? -1 : value.indexOf('@');
        if (value == null || value.length() > MAX_LENGTH || at < 1 || at > MAX_LOCAL || !VALID.matcher(value).matches()
                || value.startsWith(".") || value.contains("..") || value.charAt(at - 1) == '.') {
            throw new IllegalArgumentException("not a valid email address");
        }
    }

    /** The address a visitor typed, in its stored form, or empty when the text is none. */
    public static Optional<EmailAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new EmailAddress(text.strip().toLowerCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
