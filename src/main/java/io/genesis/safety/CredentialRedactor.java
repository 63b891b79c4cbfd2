package io.genesis.safety;

import java.util.List;
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

    /** Whole-match secrets. */
    private static final List<Pattern> SECRETS = List.of(
            Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?-----END [A-Z ]*PRIVATE KEY-----"),
            Pattern.compile("\\b(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{8,}"),
            Pattern.compile("\\bsk-(?:proj-|ant-)?[A-Za-z0-9_-]{16,}"),
            Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{20,}"),
            Pattern.compile("\\bxox[abprs]-[A-Za-z0-9-]{10,}"),
            Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"),
            Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}"),
            Pattern.compile("\\beyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}"),
            Pattern.compile("(?i)\\bbearer\\s+[A-Za-z0-9._~+/-]{16,}=*"));
    /** Password inside a URL: keep scheme and user, mask the password. */
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://[^\\s:/@]+:)[^\\s/@]+(@)");
    /** {@code password=...}, {@code "api_key": "..."} and the like: keep the key, mask the value. */
    private static final Pattern ASSIGNMENT = Pattern.compile(
            "(?i)(\\b[\\w-]*(?:password|passwd|pwd|secret|api[_-]?key|access[_-]?key|token|private[_-]?key|client[_-]?secret)"
                    + "[\\w-]*\"?\\s*[:=]\\s*\"?)((?=[^\\s\"',;}]*[A-Za-z])[^\\s\"',;}]{6,})");

    private CredentialRedactor() {
    }

    /** The text with every credential replaced by {@link #MASK}; null stays null. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String redacted = text;
        for (Pattern secret : SECRETS) {
            redacted = secret.matcher(redacted).replaceAll(MASK);
        }
        redacted = URL_PASSWORD.matcher(redacted).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "$2");
        return ASSIGNMENT.matcher(redacted).replaceAll(match ->
                match.group(2).equals(MASK) ? Matcher.quoteReplacement(match.group())
                        : Matcher.quoteReplacement(match.group(1) + MASK));
    }

    /** Whether the text holds anything {@link #redact} would mask. */
    public static boolean containsCredential(String text) {
        return text != null && !redact(text).equals(text);
    }
}
