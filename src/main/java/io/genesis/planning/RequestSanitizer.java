package io.genesis.planning;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * First step of HTDAG planning (VULN-001 in the Genesis planner): refuses request text that is too long or carries a
 * prompt-injection or destructive phrase, and escapes braces so the text can sit inside a prompt template.
 * <p>
 * A phrase matches case-insensitively, anywhere in the text (also inside a longer word: "overridden" matches
 * "override"), with any run of white space between its words. The list, {@link #FORBIDDEN_PHRASES}:
 * role and instruction hijacking ({@code ignore previous instructions}, {@code ignore all previous},
 * {@code ignore the above}, {@code disregard}, {@code forget your instructions}, {@code new instructions:},
 * {@code system:}, {@code assistant:}, {@code you are now}, {@code developer mode}, {@code override},
 * {@code jailbreak}, {@code backdoor}); code execution ({@code exec(}, {@code eval(}, {@code __import__},
 * {@code os.system}, {@code subprocess}, {@code <script}); destructive commands ({@code rm -rf}, {@code drop table},
 * {@code truncate table}, {@code delete from}).
 */
@ApplicationScoped
public class RequestSanitizer {

    /** Longest text accepted per field (HTDAG {@code MAX_REQUEST_LENGTH}). */
    public static final int MAX_REQUEST_LENGTH = 5000;

    public static final List<String> FORBIDDEN_PHRASES = List.of(
            "ignore previous instructions", "ignore all previous", "ignore the above", "disregard",
            "forget your instructions", "new instructions:", "system:", "assistant:", "you are now", "developer mode",
            "override", "jailbreak", "backdoor",
            "exec(", "eval(", "__import__", "os.system", "subprocess", "<script",
            "rm -rf", "drop table", "truncate table", "delete from");

    private static final List<Pattern> PATTERNS = FORBIDDEN_PHRASES.stream()
            .map(phrase -> Pattern.compile(Arrays.stream(phrase.split(" ")).map(Pattern::quote)
                    .collect(Collectors.joining("\\s+")), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
            .toList();

    /**
     * @param field what the text is, for the reason ("requirements", "feature 3")
     * @return the text with {@code {} } doubled ({@code {{ }}}); "" for null
     * @throws PlanningRejected naming the limit or the phrase found
     */
    public String sanitize(String field, String text) {
        if (text == null) {
            return "";
        }
        if (text.length() > MAX_REQUEST_LENGTH) {
            throw new PlanningRejected(field + " is " + text.length() + " characters long; the limit is "
                    + MAX_REQUEST_LENGTH + " (MAX_REQUEST_LENGTH)");
        }
        for (int i = 0; i < PATTERNS.size(); i++) {
            if (PATTERNS.get(i).matcher(text).find()) {
                throw new PlanningRejected(field + " contains the forbidden phrase '" + FORBIDDEN_PHRASES.get(i)
                        + "' (possible prompt injection or destructive command)");
            }
        }
        return text.replace("{", "{{").replace("}", "}}");
    }
}
