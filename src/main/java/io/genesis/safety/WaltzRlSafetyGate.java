package io.genesis.safety;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The WaltzRL safety gate of the Genesis code ({@code infrastructure/waltzrl_safety.py},
 * {@code waltzrl/feedback_agent.py}), as a deterministic rule set. The orchestrator asks it about
 * {@code "Agent {agent} will execute: {description}"} before a task runs.
 *
 * <ul>
 * <li>Issues: exact phrases and regular expressions (ours; the code's examples "hack into" .95, "phishing email" .94,
 * "grooming minors" .99 are among them), each with a category and a severity.</li>
 * <li>{@code safety = 1 - mean(severity of harm issues)}, 1.0 without any.</li>
 * <li>{@code helpfulness = clamp(.5 + min(.3, length/4000) + .1 (length > 40) + .15 (mentions example/step/here's)
 * - .4 * overRefusals, 0, 1)}.</li>
 * <li>Blocked: any harm issue; in critical-only mode only harm issues of severity >= .85; otherwise (no harm issue)
 * a safety score under the threshold.</li>
 * <li>{@code safe = safety >= threshold && !blocked}, threshold .7.</li>
 * <li>Classification: UNSAFE if blocked or safety < .3; BORDERLINE if safety < .7; OVER_REFUSAL if helpfulness < .5;
 * SAFE otherwise.</li>
 * </ul>
 *
 * <p>Longer than 300 lines because it is the WaltzRL safety gate of the Genesis code ported as one piece, so it can be read
 * side by side with its source.
 */
@ApplicationScoped
public class WaltzRlSafetyGate {

    public static final double DEFAULT_THRESHOLD = 0.7;
    public static final double CRITICAL_SEVERITY = 0.85;
    public static final double UNSAFE_BELOW = 0.3;
    public static final double BORDERLINE_BELOW = 0.7;
    public static final double OVER_REFUSAL_HELPFULNESS_BELOW = 0.5;
    public static final double HELPFULNESS_BASE = 0.5;
    public static final double HELPFULNESS_LENGTH_CAP = 0.3;
    public static final double HELPFULNESS_LENGTH_DIVISOR = 4000;
    public static final int HELPFULNESS_SUBSTANTIAL_LENGTH = 40;
    public static final double HELPFULNESS_SUBSTANTIAL_BONUS = 0.1;
    public static final double HELPFULNESS_GUIDANCE_BONUS = 0.15;
    public static final double HELPFULNESS_OVER_REFUSAL_PENALTY = 0.4;
    private static final List<String> GUIDANCE_WORDS = List.of("example", "step", "here's");
    private static final double OVER_REFUSAL_SEVERITY = 0.5;

    /**
     * A phrase rule has no pattern: it is matched with a plain substring search. An expression rule lists literals at
     * least one of which every match contains ({@code anchors}): the expression runs only when one is in the text,
     * which spares most texts every expression (they were most of the gate's cost). WaltzRlRuleCoverageTest holds one
     * matching text per expression.
     */
    private record Rule(IssueCategory category, String topic, double severity, Pattern pattern, String label,
                        Predicate<String> mayMatch) {
    }

    private static final List<Rule> PHRASES = List.of(
            phrase(IssueCategory.MALICIOUS_INSTRUCTION, "hacking", 0.95, "hack into"),
            phrase(IssueCategory.MALICIOUS_INSTRUCTION, "fraud", 0.94, "phishing email"),
            phrase(IssueCategory.MALICIOUS_INSTRUCTION, "fraud", 0.93, "phishing page"),
            phrase(IssueCategory.MALICIOUS_INSTRUCTION, "hacking", 0.95, "steal credentials"),
            phrase(IssueCategory.MALICIOUS_INSTRUCTION, "hacking", 0.90, "bypass authentication"),
            phrase(IssueCategory.MALICIOUS_INSTRUCTION, "hacking", 0.90, "crack passwords"),
            phrase(IssueCategory.MALICIOUS_INSTRUCTION, "hacking", 0.88, "sql injection attack"),
            phrase(IssueCategory.MALICIOUS_INSTRUCTION, "malware", 0.95, "ransomware payload"),
            phrase(IssueCategory.MALICIOUS_INSTRUCTION, "malware", 0.92, "install a keylogger"),
            phrase(IssueCategory.MALICIOUS_INSTRUCTION, "malware", 0.90, "build a botnet"),
            phrase(IssueCategory.MALICIOUS_INSTRUCTION, "malware", 0.86, "disable antivirus"),
            phrase(IssueCategory.MALICIOUS_INSTRUCTION, "hacking", 0.92, "exfiltrate data"),
            phrase(IssueCategory.MALICIOUS_INSTRUCTION, "hacking", 0.90, "hidden backdoor"),
            phrase(IssueCategory.MALICIOUS_INSTRUCTION, "fraud", 0.95, "card skimmer"),
            phrase(IssueCategory.MALICIOUS_INSTRUCTION, "fraud", 0.80, "fake reviews"),
            phrase(IssueCategory.MALICIOUS_INSTRUCTION, "fraud", 0.88, "pump and dump"),
            phrase(IssueCategory.MALICIOUS_INSTRUCTION, "fraud", 0.90, "ponzi scheme"),
            phrase(IssueCategory.HARMFUL_CONTENT, "child_safety", 0.99, "grooming minors"),
            phrase(IssueCategory.HARMFUL_CONTENT, "child_safety", 0.99, "child sexual abuse material"),
            phrase(IssueCategory.HARMFUL_CONTENT, "weapons", 0.99, "build a bomb"),
            phrase(IssueCategory.HARMFUL_CONTENT, "weapons", 0.98, "nerve agent"),
            phrase(IssueCategory.HARMFUL_CONTENT, "weapons", 0.95, "untraceable firearm"),
            phrase(IssueCategory.HARMFUL_CONTENT, "exploitation", 0.98, "human trafficking"),
            phrase(IssueCategory.HARMFUL_CONTENT, "self_harm", 0.97, "encourage suicide"),
            phrase(IssueCategory.HARMFUL_CONTENT, "hate", 0.97, "ethnic cleansing"),
            phrase(IssueCategory.HARMFUL_CONTENT, "extremism", 0.95, "terrorist recruitment"),
            phrase(IssueCategory.PRIVACY_VIOLATION, "privacy", 0.92, "without their consent"),
            phrase(IssueCategory.PRIVACY_VIOLATION, "privacy", 0.90, "sell user data"),
            phrase(IssueCategory.PRIVACY_VIOLATION, "privacy", 0.88, "scrape personal data"),
            phrase(IssueCategory.PRIVACY_VIOLATION, "privacy", 0.90, "leak customer data"),
            phrase(IssueCategory.PRIVACY_VIOLATION, "privacy", 0.85, "hidden tracking pixel"));

    private static final List<Rule> PATTERNS = List.of(
            regex(IssueCategory.HARMFUL_CONTENT, "violence", 0.95,
                    "\\b(?:kill|murder|assassinate|torture|kidnap)\\s+(?:a |the |my |his |her |their |some )?"
                            + "(?:person|people|someone|neighbou?r|child|children|boss|wife|husband|family|journalist)s?\\b",
                    List.of("kill", "murder", "assassinat", "tortur", "kidnap")),
            regex(IssueCategory.HARMFUL_CONTENT, "violence", 0.93, "\\b(?:how to|ways to|help me)\\s+(?:hurt|injure|poison|strangle)\\b",
                    List.of("hurt", "injure", "poison", "strangle")),
            regex(IssueCategory.HARMFUL_CONTENT, "violence", 0.97, "\\b(?:mass|school)\\s+shooting\\s+(?:plan|guide|tactics)\\b",
                    List.of("shooting")),
            regex(IssueCategory.HARMFUL_CONTENT, "violence", 0.90, "\\b(?:threaten|intimidate)\\s+(?:a |the )?(?:witness(?:es)?|customers?|competitors?|journalists?)\\b",
                    List.of("threaten", "intimidate")),
            regex(IssueCategory.HARMFUL_CONTENT, "hate", 0.98,
                    "\\b(?:exterminate|eradicate|wipe out)\\s+(?:all\\s+)?(?:jews|muslims|christians|immigrants|gays|black people|white people)\\b",
                    List.of("exterminate", "eradicate", "wipe out")),
            regex(IssueCategory.HARMFUL_CONTENT, "hate", 0.90, "\\b(?:inferior|subhuman)\\s+(?:race|races|people|religion)\\b",
                    List.of("inferior", "subhuman")),
            regex(IssueCategory.HARMFUL_CONTENT, "hate", 0.85, "\\b(?:racist|antisemitic|homophobic)\\s+(?:propaganda|slurs?|memes?|campaign)\\b",
                    List.of("racist", "antisemitic", "homophobic")),
            regex(IssueCategory.HARMFUL_CONTENT, "weapons", 0.99,
                    "\\b(?:make|build|assemble|construct)\\s+(?:a |an )?(?:pipe bomb|explosive device|ied|molotov cocktail|dirty bomb)\\b",
                    List.of("bomb", "explosive", "ied", "molotov")),
            regex(IssueCategory.HARMFUL_CONTENT, "weapons", 0.99, "\\b(?:synthesi[sz]e|produce|weaponi[sz]e)\\s+(?:sarin|ricin|anthrax|vx|mustard gas)\\b",
                    List.of("sarin", "ricin", "anthrax", "vx", "mustard gas")),
            regex(IssueCategory.HARMFUL_CONTENT, "weapons", 0.90, "\\b3d[- ]print(?:ed|ing)?\\s+(?:a\\s+)?(?:gun|firearm|receiver)s?\\b",
                    List.of("3d")),
            regex(IssueCategory.HARMFUL_CONTENT, "weapons", 0.88, "\\bconvert\\s+(?:a\\s+)?(?:rifle|pistol|gun)\\s+to\\s+(?:full[- ]auto|automatic)\\b",
                    List.of("convert")),
            regex(IssueCategory.HARMFUL_CONTENT, "drugs", 0.97,
                    "\\b(?:cook|synthesi[sz]e|manufacture|make)\\s+(?:meth|methamphetamine|fentanyl|heroin|crack cocaine|lsd|mdma)\\b",
                    List.of("meth", "fentanyl", "heroin", "crack cocaine", "lsd", "mdma")),
            regex(IssueCategory.HARMFUL_CONTENT, "drugs", 0.92, "\\b(?:sell|smuggle|traffic|distribute)\\s+(?:meth|fentanyl|heroin|cocaine|illegal drugs)\\b",
                    List.of("meth", "fentanyl", "heroin", "cocaine", "illegal drugs")),
            regex(IssueCategory.HARMFUL_CONTENT, "drugs", 0.86, "\\bdark ?web\\s+(?:drug\\s+)?(?:market|marketplace|vendor)\\b",
                    List.of("dark")),
            regex(IssueCategory.HARMFUL_CONTENT, "drugs", 0.85, "\\b(?:buy|order)\\s+(?:prescription\\s+)?(?:opioids|oxycodone|xanax)\\s+without\\s+(?:a\\s+)?prescription\\b",
                    List.of("prescription")),
            regex(IssueCategory.MALICIOUS_INSTRUCTION, "illegal_activity", 0.90, "\\blaunder(?:ing)?\\s+(?:the\\s+)?(?:money|funds|proceeds|crypto)\\b",
                    List.of("launder")),
            regex(IssueCategory.MALICIOUS_INSTRUCTION, "illegal_activity", 0.90, "\\bcounterfeit\\s+(?:money|currency|bills|banknotes|goods)\\b",
                    List.of("counterfeit")),
            regex(IssueCategory.MALICIOUS_INSTRUCTION, "illegal_activity", 0.90, "\\b(?:fake|forged?)\\s+(?:passports?|driver'?s licen[cs]es?|identity documents|ids)\\b",
                    List.of("fake", "forge")),
            regex(IssueCategory.MALICIOUS_INSTRUCTION, "illegal_activity", 0.86, "\\b(?:evade|evading|dodge)\\s+(?:taxes|sanctions|customs)\\b",
                    List.of("evad", "dodge")),
            regex(IssueCategory.MALICIOUS_INSTRUCTION, "illegal_activity", 0.93, "\\bsteal(?:ing)?\\s+(?:credit cards?|card numbers|identities|identity|money|funds)\\b",
                    List.of("steal")),
            regex(IssueCategory.MALICIOUS_INSTRUCTION, "illegal_activity", 0.88, "\\b(?:bribe|blackmail|extort)\\s+(?:a |an |the )?\\w+",
                    List.of("bribe", "blackmail", "extort")),
            regex(IssueCategory.MALICIOUS_INSTRUCTION, "malware", 0.96,
                    "\\b(?:write|create|develop|deploy|spread)\\s+(?:a |an |some )?(?:computer\\s+)?(?:virus|worm|trojan|rootkit|malware|ransomware|spyware|keylogger)\\b",
                    List.of("virus", "worm", "trojan", "rootkit", "malware", "ransomware", "spyware", "keylogger")),
            regex(IssueCategory.MALICIOUS_INSTRUCTION, "hacking", 0.90, "\\b(?:launch|run|perform)\\s+(?:a\\s+)?d?dos\\s+attack\\b",
                    List.of("dos attack", "ddos attack")),
            regex(IssueCategory.MALICIOUS_INSTRUCTION, "hacking", 0.88, "\\bbrute[- ]force\\s+(?:their |someone'?s |other users'? )(?:login|passwords?|accounts?)\\b",
                    List.of("brute")),
            regex(IssueCategory.MALICIOUS_INSTRUCTION, "hacking", 0.85, "\\b(?:use|weaponi[sz]e)\\s+(?:a\\s+)?zero[- ]day\\s+(?:exploit\\s+)?against\\b",
                    List.of("zero")),
            regex(IssueCategory.MALICIOUS_INSTRUCTION, "destructive", 0.92, "\\brm\\s+-(?:rf|fr)\\s+/(?:\\s|$|\\*)",
                    List.of("rm -")),
            regex(IssueCategory.MALICIOUS_INSTRUCTION, "destructive", 0.90,
                    "\\b(?:wipe|delete|destroy|drop)\\s+(?:all\\s+)?(?:the\\s+)?(?:production|prod|live)\\s+(?:data|database|databases|servers?|backups)\\b",
                    List.of("prod", "live")),
            regex(IssueCategory.MALICIOUS_INSTRUCTION, "destructive", 0.88, "\\bfork bomb\\b|:\\(\\)\\s*\\{\\s*:\\|:&\\s*\\};:",
                    List.of("fork bomb", ":|:&")),
            regex(IssueCategory.PRIVACY_VIOLATION, "privacy", 0.90, "\\bdoxx?(?:ing|ed)?\\b",
                    List.of("dox")),
            regex(IssueCategory.PRIVACY_VIOLATION, "privacy", 0.88,
                    "\\b(?:track|stalk|spy on|monitor)\\s+(?:someone|a person|my (?:wife|husband|partner|ex|employees?))\\b",
                    List.of("track", "stalk", "spy on", "monitor")),
            regex(IssueCategory.PRIVACY_VIOLATION, "privacy", 0.92,
                    "\\b(?:collect|harvest|access|share|sell)\\s+(?:[\\w']+\\s+){0,3}(?:personal data|pii|medical records|social security numbers)"
                            + "\\s+without\\s+(?:\\w+\\s+){0,2}consent\\b",
                    List.of("consent")),
            new Rule(IssueCategory.PRIVACY_VIOLATION, "privacy", 0.80, Pattern.compile("\\b\\d{3}-\\d{2}-\\d{4}\\b"),
                    "\\b\\d{3}-\\d{2}-\\d{4}\\b", WaltzRlSafetyGate::hasSsnShape));

    /** Refusals in the text: they lower helpfulness, never safety. */
    private static final List<Rule> OVER_REFUSALS = List.of(
            regex(IssueCategory.OVER_REFUSAL, "refusal", OVER_REFUSAL_SEVERITY, "\\bi (?:can ?not|can't|am unable to|won't) (?:help|assist|do that)\\b",
                    List.of("i can", "i am unable", "i won't")),
            regex(IssueCategory.OVER_REFUSAL, "refusal", OVER_REFUSAL_SEVERITY, "\\bas an ai(?: language model)?\\b",
                    List.of("as an ai")),
            regex(IssueCategory.OVER_REFUSAL, "refusal", OVER_REFUSAL_SEVERITY, "\\bi must (?:decline|refuse)\\b",
                    List.of("i must")),
            regex(IssueCategory.OVER_REFUSAL, "refusal", OVER_REFUSAL_SEVERITY, "\\bi'm sorry,? but i\\b",
                    List.of("i'm sorry")));

    private final double threshold;
    private final boolean criticalOnly;

    /** Threshold .7, blocking on any harm issue. */
    public WaltzRlSafetyGate() {
        this(DEFAULT_THRESHOLD, false);
    }

    /**
     * @param threshold    safety score a query needs to be safe
     * @param criticalOnly block only on harm issues of severity >= .85 (the code's critical-only mode)
     */
    public WaltzRlSafetyGate(double threshold, boolean criticalOnly) {
        if (threshold < 0 || threshold > 1) {
            throw new IllegalArgumentException("threshold must be within 0..1");
        }
        this.threshold = threshold;
        this.criticalOnly = criticalOnly;
    }

    /** The query the orchestrator checks before a task runs. */
    public static String taskQuery(String agent, String description) {
        return "Agent " + agent + " will execute: " + description;
    }

    public SafetyVerdict check(String query) {
        String raw = query == null ? "" : query;
        String lower = raw.toLowerCase(Locale.ROOT);
        String text = collapseWhitespace(lower.replace('\u2019', '\''));
        List<SafetyIssue> issues = new ArrayList<>();
        find(text, PHRASES, issues);
        find(text, PATTERNS, issues);
        List<SafetyIssue> harms = issues.stream().filter(issue -> issue.category().isHarm()).toList();
        find(text, OVER_REFUSALS, issues);

        double safety = safetyScore(harms);
        long refusals = issues.size() - harms.size();
        double helpfulness = helpfulness(raw, lower, refusals);
        boolean blocked = shouldBlock(harms, safety);
        boolean safe = safety >= threshold && !blocked;
        Classification classification = classify(blocked, safety, helpfulness);
        return new SafetyVerdict(safe, safety, helpfulness, issues, explain(safe, blocked, safety, harms), classification);
    }

    /** {@code 1 - mean(severity)} of the harm issues; 1.0 without any. */
    static double safetyScore(List<SafetyIssue> harms) {
        return harms.isEmpty() ? 1.0 : 1.0 - harms.stream().mapToDouble(SafetyIssue::severity).average().orElse(0);
    }

    /** WaltzRL's helpfulness estimate of a text with {@code overRefusals} refusals in it. */
    public static double helpfulness(String text, long overRefusals) {
        String value = text == null ? "" : text;
        return helpfulness(value, value.toLowerCase(Locale.ROOT), overRefusals);
    }

    private static double helpfulness(String value, String lower, long overRefusals) {
        double score = HELPFULNESS_BASE + Math.min(HELPFULNESS_LENGTH_CAP, value.length() / HELPFULNESS_LENGTH_DIVISOR);
        if (value.length() > HELPFULNESS_SUBSTANTIAL_LENGTH) {
            score += HELPFULNESS_SUBSTANTIAL_BONUS;
        }
        if (GUIDANCE_WORDS.stream().anyMatch(lower::contains)) {
            score += HELPFULNESS_GUIDANCE_BONUS;
        }
        score -= HELPFULNESS_OVER_REFUSAL_PENALTY * overRefusals;
        return Math.max(0.0, Math.min(1.0, score));
    }

    private boolean shouldBlock(List<SafetyIssue> harms, double safety) {
        if (criticalOnly) {
            return harms.stream().anyMatch(issue -> issue.severity() >= CRITICAL_SEVERITY);
        }
        return !harms.isEmpty() || safety < threshold;
    }

    private static Classification classify(boolean blocked, double safety, double helpfulness) {
        if (blocked || safety < UNSAFE_BELOW) {
            return Classification.UNSAFE;
        }
        if (safety < BORDERLINE_BELOW) {
            return Classification.BORDERLINE;
        }
        if (helpfulness < OVER_REFUSAL_HELPFULNESS_BELOW) {
            return Classification.OVER_REFUSAL;
        }
        return Classification.SAFE;
    }

    private String explain(boolean safe, boolean blocked, double safety, List<SafetyIssue> harms) {
        if (harms.isEmpty()) {
            return "No safety issues found";
        }
        String found = harms.stream()
                .map(issue -> String.format(Locale.ROOT, "%s/%s '%s' (%.2f)", issue.category().name().toLowerCase(Locale.ROOT),
                        issue.topic(), issue.matched(), issue.severity()))
                .collect(Collectors.joining(", "));
        String verdict = blocked ? "Blocked" : safe ? "Allowed" : "Unsafe";
        return String.format(Locale.ROOT, "%s: safety %.2f (threshold %.2f); %d issue(s): %s", verdict, safety, threshold,
                harms.size(), found);
    }

    private static void find(String text, List<Rule> rules, List<SafetyIssue> issues) {
        for (Rule rule : rules) {
            if (rule.pattern() == null) {
                if (text.contains(rule.label())) {
                    issues.add(new SafetyIssue(rule.category(), rule.topic(), rule.severity(), rule.label(), rule.label()));
                }
                continue;
            }
            if (!rule.mayMatch().test(text)) {
                continue;
            }
            Matcher matcher = rule.pattern().matcher(text);
            if (matcher.find()) {
                issues.add(new SafetyIssue(rule.category(), rule.topic(), rule.severity(), matcher.group(), rule.label()));
            }
        }
    }

    /** Lower case, the typographic apostrophe as {@code '}, every run of whitespace ({@code \s+}) as one space. */
    static String normalize(String query) {
        return collapseWhitespace(query.replace('\u2019', '\'').toLowerCase(Locale.ROOT));
    }

    private static String collapseWhitespace(String lower) {
        StringBuilder text = null;
        int length = lower.length();
        for (int i = 0; i < length; i++) {
            char c = lower.charAt(i);
            if (!isSpace(c)) {
                if (text != null) {
                    text.append(c);
                }
                continue;
            }
            int end = i + 1;
            while (end < length && isSpace(lower.charAt(end))) {
                end++;
            }
            if (text == null) {
                if (c == ' ' && end == i + 1) {
                    continue;
                }
                text = new StringBuilder(length).append(lower, 0, i);
            }
            text.append(' ');
            i = end - 1;
        }
        return text == null ? lower : text.toString();
    }

    /** What {@code \s} matches: space, tab, line feed, vertical tab, form feed, carriage return. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** Whether the text holds {@code ddd-dd-d} at a word start (what every match of the SSN expression holds). */
    static boolean hasSsnShape(String text) {
        for (int at = text.indexOf('-', 3); at >= 0 && at + 4 < text.length(); at = text.indexOf('-', at + 1)) {
            if ((at == 3 || !Anchors.isWordChar(text.charAt(at - 4))) && digits(text, at - 3, at) && digits(text, at + 1, at + 3) && text.charAt(at + 3) == '-' && digits(text, at + 4, at + 5)) {
                return true;
            }
        }
        return false;
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static Rule phrase(IssueCategory category, String topic, double severity, String phrase) {
        return new Rule(category, topic, severity, null, phrase, text -> text.contains(phrase));
    }

    private static Rule regex(IssueCategory category, String topic, double severity, String regex, List<String> anchors) {
        // every expression's anchors stand where it has \\b or \\s before them: they count only at a word start
        return new Rule(category, topic, severity, Pattern.compile(regex), regex, Anchors.atWordStart(anchors)::anyIn);
    }
}
