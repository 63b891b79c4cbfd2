package io.genesis.safety;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and masks credentials in free text before it is stored or graded: provider API keys (OpenAI, Stripe,
 * GitHub, Slack, AWS, Google), bearer tokens, JWTs, PEM private keys, passwords in URLs and {@code key=value}
 * assignments of secret-looking keys whose value has at least 6 characters and a letter
 * (so {@code max_tokens=4096} stays). What is kept of an assignment is the key, so the text still says what was there.
 */
public final class CredentialRedactor {

    public static final String MASK = "[REDACTED]";

    /**
     * A pattern and its lower-case {@link Anchors}: it runs only when one is in the lower-cased text, so ordinary text
     * costs a few substring searches instead of every expression.
     */
    private record Guarded(Pattern pattern, Anchors anchors) {

        boolean mayMatch(String lowerCaseText) {
            return anchors.anyIn(lowerCaseText);
        }
    }

    /** Whole-match secrets. */
    private static final List<Guarded> SECRETS = List.of(
            guarded("-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?-----END [A-Z ]*PRIVATE KEY-----", "-----begin"),
            guarded("\\b(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{8,}", "_live_", "_test_"),
            guarded("\\bsk-(?:proj-|ant-)?[A-Za-z0-9_-]{16,}", "sk-"),
            guarded("\\bgh[pousr]_[A-Za-z0-9]{20,}", "ghp_", "gho_", "ghu_", "ghs_", "ghr_"),
            guarded("\\bxox[abprs]-[A-Za-z0-9-]{10,}", "xox"),
            guarded("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b", "akia", "asia"),
            guarded("\\bAIza[0-9A-Za-z_-]{35}", "aiza"),
            guarded("\\beyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}", "eyj"),
            guarded("(?i)\\bbearer\\s+[A-Za-z0-9._~+/-]{16,}=*", "bearer"));
    /** Password inside a URL: keep scheme and user, mask the password. */
    private static final Guarded URL_PASSWORD = guarded("(?i)\\b([a-z][a-z0-9+.-]*://[^\\s:/@]+:)[^\\s/@]+(@)", "://");
    /** {@code password=...}, {@code "api_key": "..."} and the like: keep the key, mask the value. */
    private static final Guarded ASSIGNMENT = guarded(
            "(?i)(\\b[\\w-]*(?:password|passwd|pwd|secret|api[_-]?key|access[_-]?key|token|private[_-]?key|client[_-]?secret)"
                    + "[\\w-]*\"?\\s*[:=]\\s*\"?)((?=[^\\s\"',;}]*[A-Za-z])[^\\s\"',;}]{6,})",
            "password", "passwd", "pwd", "secret", "token", "apikey", "api_key", "api-key", "accesskey", "access_key",
            "access-key", "privatekey", "private_key", "private-key");

    private CredentialRedactor() {
    }

    /** The text with every credential replaced by {@link #MASK}; null stays null. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String lowerCase = text.toLowerCase(Locale.ROOT);
        String redacted = text;
        for (Guarded secret : SECRETS) {
            if (secret.mayMatch(lowerCase)) {
                redacted = secret.pattern().matcher(redacted).replaceAll(MASK);
            }
        }
        if (URL_PASSWORD.mayMatch(lowerCase)) {
            redacted = URL_PASSWORD.pattern().matcher(redacted).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "$2");
        }
        if (!ASSIGNMENT.mayMatch(lowerCase)) {
            return redacted;
        }
        return ASSIGNMENT.pattern().matcher(redacted).replaceAll(match ->
                match.group(2).equals(MASK) ? Matcher.quoteReplacement(match.group())
                        : Matcher.quoteReplacement(match.group(1) + MASK));
    }

    private static Guarded guarded(String regex, String... anchors) {
        return new Guarded(Pattern.compile(regex), new Anchors(List.of(anchors)));
    }

    /** Whether the text holds anything {@link #redact} would mask. */
    public static boolean containsCredential(String text) {
        return text != null && !redact(text).equals(text);
    }
}
