package io.genesis.runtime;

/**
 * Several texts in one, without escaping: {@code <version>|<length 1>|...|<length n>|} then the texts one after the
 * other (-1 for an absent one). What the runtime hands on once per task through Redis (relay entries, result rows)
 * is written this way, so a JSON text inside is copied, not escaped on writing and unescaped on reading. Lengths count
 * UTF-16 units, which survive the UTF-8 round trip through Redis (an unpaired surrogate becomes one {@code ?}).
 */
final class FramedText {

    private FramedText() {
    }

    static String write(String version, String... parts) {
        int size = version.length() + 2 + 8 * parts.length;
        for (String part : parts) {
            size += part == null ? 0 : part.length();
        }
        StringBuilder text = new StringBuilder(size).append(version).append('|');
        for (String part : parts) {
            text.append(part == null ? -1 : part.length()).append('|');
        }
        for (String part : parts) {
            if (part != null) {
                text.append(part);
            }
        }
        return text.toString();
    }

    /** Whether {@code text} was written with {@code version}. */
    private static boolean is(String version, String text) {
        return text != null && text.length() > version.length() && text.startsWith(version) && text.charAt(version.length()) == '|';
    }

    /** The {@code count} texts of {@link #write}; throws {@link IllegalArgumentException} for anything else. */
    static String[] read(String version, String text, int count) {
        if (!is(version, text)) {
            throw new IllegalArgumentException("not a '" + version + "' text");
        }
        try {
            int[] lengths = new int[count];
            int at = version.length() + 1;
            for (int i = 0; i < count; i++) {
                int bar = text.indexOf('|', at);
                lengths[i] = Integer.parseInt(text, at, bar, 10);
                if (lengths[i] < -1) {
                    throw new IllegalArgumentException("negative length " + lengths[i]);
                }
                at = bar + 1;
            }
            String[] parts = new String[count];
            for (int i = 0; i < count; i++) {
                if (lengths[i] >= 0) {
                    parts[i] = text.substring(at, at + lengths[i]);
                    at += lengths[i];
                }
            }
            if (at != text.length()) {
                throw new IllegalArgumentException((text.length() - at) + " characters after its parts");
            }
            return parts;
        } catch (IndexOutOfBoundsException | NumberFormatException e) {
            throw new IllegalArgumentException("not a '" + version + "' text: " + e.getMessage(), e);
        }
    }
}
