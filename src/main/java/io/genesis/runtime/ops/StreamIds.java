package io.genesis.runtime.ops;

import java.util.regex.Pattern;

/** Redis stream entry ids as an operator types them: {@code <milliseconds>-<sequence>}, both unsigned 64-bit. */
public final class StreamIds {

    private static final Pattern SHAPE = Pattern.compile("(\\d{1,20})-(\\d{1,20})");

    private StreamIds() {
    }

    public static boolean isValid(String id) {
        if (id == null) {
            return false;
        }
        var match = SHAPE.matcher(id);
        return match.matches() && fitsUnsigned64(match.group(1)) && fitsUnsigned64(match.group(2));
    }

    private static boolean fitsUnsigned64(String digits) {
        try {
            Long.parseUnsignedLong(digits);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
