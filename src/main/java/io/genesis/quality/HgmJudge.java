package io.genesis.quality;

import io.genesis.catalog.AgentName;
import io.genesis.safety.CredentialRedactor;
import io.genesis.safety.WaltzRlSafetyGate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A deterministic stand-in for the Genesis judge ({@code infrastructure/judge.py}, {@code hgm_judge.py}): the judge's
 * four dimensions, its overall mean and its CMP, computed from observable properties of the output instead of an LLM.
 *
 * <p>Each dimension is the mean of a few checks, each scored 0..1; a check that does not apply to an output is left
 * out. Dimension score = 100 * mean(checks); dimension variance = 100 * population variance(checks) (0..25), so an
 * output that passes some checks of a dimension and fails others is less trustworthy than a uniform one.
 * <ul>
 * <li>correctness: no error marker ({@code error}, {@code errors} or {@code exception} non-empty, or {@code status}
 * failed/error/blocked); at least one non-empty field; numbers non-negative and test counts consistent
 * (passed + failed &lt;= total), if there are numbers; share of {@code *url} fields that are absolute http(s) URLs,
 * if any; test pass rate {@code tests_passed / tests_total}, if reported.</li>
 * <li>completeness: one check per artefact key expected from the agent's role ({@link AgentName#artefacts()}) and the task
 * type ({@link #TASK_TYPE_ARTEFACTS}), present and non-empty; share of non-empty top-level fields.</li>
 * <li>efficiency: the serialized output within {@value #MAX_OUTPUT_CHARS} characters (linearly down to 0 at twice
 * that); {@code 1 / attempt}, if the output reports its attempt; share of distinct items in arrays, if any.</li>
 * <li>safety: no credential in any string value; the WaltzRL safety score of all string values.</li>
 * </ul>
 * {@code overall = mean(dimensions)}, {@code CMP = max(0, overall - .15 * sum of variances)}, threshold 70, and the
 * score stored with a task is {@code overall / 100}. An empty output grades 0 everywhere.
 */
@ApplicationScoped
public class HgmJudge {

    public static final double CMP_THRESHOLD = 70;
    public static final double VARIANCE_PENALTY = 0.15;
    public static final int MAX_OUTPUT_CHARS = 65_536;
    public static final String CORRECTNESS = "correctness";
    public static final String COMPLETENESS = "completeness";
    public static final String EFFICIENCY = "efficiency";
    public static final String SAFETY = "safety";
    public static final String OVERALL = "overall";

    /** Keys a task type adds to the role's (HTDAG / HALO task types). */
    public static final Map<String, List<String>> TASK_TYPE_ARTEFACTS = Map.ofEntries(
            Map.entry("deploy", List.of("deployment_url")),
            Map.entry("test", List.of("tests_total", "tests_passed")),
            Map.entry("test_run", List.of("tests_total", "tests_passed")),
            Map.entry("qa", List.of("tests_total", "tests_passed")),
            Map.entry("implement", List.of("files")),
            Map.entry("code", List.of("files")),
            Map.entry("build", List.of("files")),
            Map.entry("file_write", List.of("files")),
            Map.entry("design", List.of("spec")),
            Map.entry("requirements", List.of("spec")),
            Map.entry("research", List.of("findings")));
    /** What a result without a known role must at least carry. */
    public static final List<String> DEFAULT_ARTEFACTS = List.of("summary");

    private static final List<String> ERROR_KEYS = List.of("error", "errors", "exception");
    private static final Set<String> FAILED_STATUSES = Set.of("failed", "error", "blocked");

    private final WaltzRlSafetyGate gate = new WaltzRlSafetyGate();

    public QualityGrade grade(String agent, String taskType, JsonObject output) {
        if (output == null || output.isEmpty()) {
            Map<String, Double> zero = new LinkedHashMap<>();
            List.of(CORRECTNESS, COMPLETENESS, EFFICIENCY, SAFETY, OVERALL).forEach(name -> zero.put(name, 0.0));
            return new QualityGrade(0.0, zero, 0.0);
        }
        List<String> strings = new ArrayList<>();
        List<Double> numbers = new ArrayList<>();
        List<JsonArray> arrays = new ArrayList<>();
        collect(output, strings, numbers, arrays);
        String text = String.join("\n", strings);

        Map<String, List<Double>> checks = new LinkedHashMap<>();
        checks.put(CORRECTNESS, correctness(output, numbers));
        checks.put(COMPLETENESS, completeness(agent, taskType, output));
        checks.put(EFFICIENCY, efficiency(output, arrays));
        checks.put(SAFETY, List.of(CredentialRedactor.containsCredential(text) ? 0.0 : 1.0, gate.check(text).safetyScore()));

        Map<String, Double> dimensions = new LinkedHashMap<>();
        double varianceSum = 0;
        for (Map.Entry<String, List<Double>> dimension : checks.entrySet()) {
            double mean = mean(dimension.getValue());
            dimensions.put(dimension.getKey(), 100 * mean);
            varianceSum += 100 * dimension.getValue().stream().mapToDouble(check -> (check - mean) * (check - mean)).average().orElse(0);
        }
        double overall = dimensions.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
        dimensions.put(OVERALL, overall);
        return new QualityGrade(overall / 100, dimensions, cmp(overall, varianceSum));
    }

    /** {@code max(0, overall - .15 * varianceSum)}, both on the 0..100 scale. */
    public static double cmp(double overall, double varianceSum) {
        return Math.max(0.0, overall - VARIANCE_PENALTY * varianceSum);
    }

    /** The artefact keys expected from this agent for this task type, role keys first. */
    public static List<String> expectedArtefacts(String agent, String taskType) {
        Set<String> keys = new LinkedHashSet<>(AgentName.of(agent).map(AgentName::artefacts)
                .filter(artefacts -> !artefacts.isEmpty()).orElse(DEFAULT_ARTEFACTS));
        if (taskType != null) {
            keys.addAll(TASK_TYPE_ARTEFACTS.getOrDefault(taskType.toLowerCase(Locale.ROOT), List.of()));
        }
        return List.copyOf(keys);
    }

    private static List<Double> correctness(JsonObject output, List<Double> numbers) {
        List<Double> checks = new ArrayList<>();
        boolean errorMarker = ERROR_KEYS.stream().anyMatch(key -> output.containsKey(key) && !isEmpty(output.get(key)))
                || output.get("status") instanceof JsonString status
                && FAILED_STATUSES.contains(status.getString().toLowerCase(Locale.ROOT));
        checks.add(errorMarker ? 0.0 : 1.0);
        checks.add(output.values().stream().anyMatch(value -> !isEmpty(value)) ? 1.0 : 0.0);
        if (!numbers.isEmpty()) {
            boolean nonNegative = numbers.stream().allMatch(number -> number >= 0);
            boolean testsAddUp = !output.containsKey("tests_total")
                    || number(output, "tests_passed") + number(output, "tests_failed") <= number(output, "tests_total");
            checks.add(nonNegative && testsAddUp ? 1.0 : 0.0);
        }
        List<String> urls = output.entrySet().stream()
                .filter(entry -> entry.getKey().toLowerCase(Locale.ROOT).endsWith("url") && entry.getValue() instanceof JsonString)
                .map(entry -> ((JsonString) entry.getValue()).getString())
                .toList();
        if (!urls.isEmpty()) {
            checks.add((double) urls.stream().filter(HgmJudge::isHttpUrl).count() / urls.size());
        }
        double total = number(output, "tests_total");
        if (total > 0 && output.get("tests_passed") instanceof JsonNumber) {
            checks.add(Math.max(0.0, Math.min(1.0, number(output, "tests_passed") / total)));
        }
        return checks;
    }

    private static List<Double> completeness(String agent, String taskType, JsonObject output) {
        List<Double> checks = new ArrayList<>();
        for (String key : expectedArtefacts(agent, taskType)) {
            checks.add(output.containsKey(key) && !isEmpty(output.get(key)) ? 1.0 : 0.0);
        }
        checks.add((double) output.values().stream().filter(value -> !isEmpty(value)).count() / output.size());
        return checks;
    }

    private static List<Double> efficiency(JsonObject output, List<JsonArray> arrays) {
        List<Double> checks = new ArrayList<>();
        // serializing is only needed when the output might be over the limit: an upper bound of its length says when
        long length = lengthBound(output) <= MAX_OUTPUT_CHARS ? 0 : output.toString().length();
        checks.add(length <= MAX_OUTPUT_CHARS ? 1.0 : Math.max(0.0, 1.0 - (double) (length - MAX_OUTPUT_CHARS) / MAX_OUTPUT_CHARS));
        if (output.get("attempt") instanceof JsonNumber attempt && attempt.doubleValue() >= 1) {
            checks.add(1.0 / attempt.doubleValue());
        }
        List<JsonArray> lists = arrays.stream().filter(array -> array.size() > 1).toList();
        if (!lists.isEmpty()) {
            checks.add(lists.stream().mapToDouble(array -> (double) new HashSet<>(array).size() / array.size()).average().orElse(1));
        }
        return checks;
    }

    private static void collect(JsonValue value, List<String> strings, List<Double> numbers, List<JsonArray> arrays) {
        switch (value.getValueType()) {
            case OBJECT -> value.asJsonObject().values().forEach(child -> collect(child, strings, numbers, arrays));
            case ARRAY -> {
                arrays.add(value.asJsonArray());
                value.asJsonArray().forEach(child -> collect(child, strings, numbers, arrays));
            }
            case STRING -> strings.add(((JsonString) value).getString());
            case NUMBER -> numbers.add(((JsonNumber) value).doubleValue());
            default -> {
            }
        }
    }

    /**
     * At least the length of the value's JSON text: every character of a string or key counted as its longest escape
     * (a six-character unicode escape), plus quotes, separators and number texts.
     */
    static long lengthBound(JsonValue value) {
        return switch (value.getValueType()) {
            case OBJECT -> {
                long length = 2;
                for (Map.Entry<String, JsonValue> member : value.asJsonObject().entrySet()) {
                    length += 6L * member.getKey().length() + 4 + lengthBound(member.getValue());
                }
                yield length;
            }
            case ARRAY -> {
                long length = 2;
                for (JsonValue item : value.asJsonArray()) {
                    length += 1 + lengthBound(item);
                }
                yield length;
            }
            case STRING -> 2 + 6L * ((JsonString) value).getString().length();
            case NUMBER -> value.toString().length();
            default -> 5;
        };
    }

    private static boolean isEmpty(JsonValue value) {
        return switch (value.getValueType()) {
            case NULL -> true;
            case STRING -> ((JsonString) value).getString().isBlank();
            case ARRAY -> value.asJsonArray().isEmpty();
            case OBJECT -> value.asJsonObject().isEmpty();
            default -> false;
        };
    }

    private static double number(JsonObject output, String key) {
        return output.get(key) instanceof JsonNumber number ? number.doubleValue() : 0.0;
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text.strip());
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }
}
