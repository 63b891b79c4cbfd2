package io.genesis.agents;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Names and fingerprints derived from text, the same on every run and every worker: URL slugs, code identifiers and
 * SHA-256-based numbers that stand in for randomness in the simulated work.
 */
final class Identifiers {

    /** Runs of characters that are not a lower-case letter or digit (compiled once: words() runs for every task). */
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");

    /** Words that carry no meaning in a resource name ("Email and OAuth sign-in" -> "email-oauth"). */
    private static final Set<String> FILLER = Set.of("a", "an", "and", "the", "of", "for", "to", "with", "from", "by",
            "in", "on", "through", "per", "its", "their", "your", "that", "who");
    private static final int MAX_SLUG_LENGTH = 40;

    private Identifiers() {
    }

    /** Lower-case words joined by '-', at most 40 characters, never empty ("item" if nothing is left). */
    public static String slug(String text) {
        String slug = words(text).stream().collect(Collectors.joining("-"));
        if (slug.length() > MAX_SLUG_LENGTH) {
            slug = slug.substring(0, MAX_SLUG_LENGTH).replaceAll("-[^-]*$", "");
        }
        return slug.isEmpty() ? "item" : slug;
    }

    /** The first {@code count} meaningful words of a feature as a slug: its resource name. */
    public static String resource(String text, int count) {
        List<String> meaningful = words(text).stream().filter(word -> !FILLER.contains(word)).limit(count).toList();
        return meaningful.isEmpty() ? slug(text) : String.join("-", meaningful);
    }

    public static String snake(String slug) {
        return slug.replace('-', '_');
    }

    public static String pascal(String slug) {
        return Arrays.stream(slug.split("-"))
                .filter(part -> !part.isEmpty())
                .map(part -> Character.toUpperCase(part.charAt(0)) + part.substring(1))
                .collect(Collectors.joining());
    }

    /** The first {@code length} hex digits of SHA-256 over the parts (separated so "ab","c" differs from "a","bc"). */
    public static String hex(int length, String... parts) {
        return HexFormat.of().formatHex(sha256(parts)).substring(0, length);
    }

    /** A number in {@code [0, bound)} fingerprinting the parts. */
    public static int bounded(int bound, String... parts) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive");
        }
        byte[] digest = sha256(parts);
        long value = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            value = (value << Byte.SIZE) | (digest[i] & 0xff);
        }
        return (int) Math.floorMod(value, (long) bound);
    }

    private static List<String> words(String text) {
        String normalized = text == null ? "" : NOT_WORD.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
        return normalized.isEmpty() ? List.of() : List.of(normalized.split(" "));
    }

    private static byte[] sha256(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update((part == null ? "" : part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
