package io.genesis.it;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The seeded generators of {@link FuzzIT}: JSON bodies (valid templates bent out of shape, broken syntax, wrong types,
 * huge numbers, hostile unicode, deep nesting), path segments, query values and headers. Everything comes from one
 * {@link Random}, so one seed is one sequence of requests. No generated text contains the stack-trace patterns
 * {@link FuzzIT} looks for, so an echo of the input is never mistaken for a leak.
 */
final class FuzzInputs {

    /** A JSON token written as is: numbers JSON-P may not hold ({@code 1e400}, {@code -0}), or no JSON at all. */
    record Raw(String text) {
    }

    /** JSON {@code null} (a Java null stands for "leave the member out"). */
    static final Object NULL = new Raw("null");

    private static final List<String> NUMBERS = List.of("1e400", "-1e400", "1E-400", "9223372036854775807", "9223372036854775808",
            "-9223372036854775809", "18446744073709551616", "123456789012345678901234567890123456789", "-0", "-0.0", "0",
            "-1", "1.5", "2147483648", "-2147483649", "1e2", "0.000000000000000000000000001", "4.9e-324", "1.7976931348623157e309");
    private static final List<String> STRINGS = List.of("", " ", "\t\n", "NaN", "Infinity", "-Infinity", "null", "true", "0",
            "-1", "1e400", "\u202Egnp.exe\u202C", "\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627", "a\u0000b", "\u0000",
            "\uD800", "\uDC00", "x\uDBFFy", "\uD83D\uDE00\uD83D\uDD25", "\uD835\uDD4F", "e\u0301\u0301\u0301", "\u200B\u200D\uFEFF",
            "\uFFFF\uFFFE", "<script>alert(1)</script>", "' OR '1'='1' --", "\"; DROP TABLE businesses; --", "../../etc/passwd",
            "..%2F..%2F", "%00", "${jndi:ldap://127.0.0.1:1/a}", "#{1+1}", "{{7*7}}", "\r\nX-Injected: 1", "\\", "\"", "{}", "[]",
            "approve", "reject", "APPROVE", "ONE_SHOT", "STAGED", "genesis.build", "default", "other-tenant",
            "http://127.0.0.1:9/hook", "http://169.254.169.254/latest/meta-data/", "file:///etc/passwd", "javascript:alert(1)",
            "biz_0000000000000000", "1700000000000-0", "0-0", "18446744073709551615-18446744073709551615");
    private static final List<String> BROKEN_JSON = List.of("{", "}", "{\"a\":}", "{'a':1}", "{\"a\":1,}", "{\"a\" 1}", "[1,2",
            "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":-}", "{\"a\":01}", "{\"a\":1}garbage", "{}{}", "\uFEFF{}", "// c\n{}",
            "/* c */{}", "{\"a\":\"\\x41\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"unterminated}", "{\"a\":tru}", "{\"a\":nul}",
            "{a:1}", "{\"a\":1 \"b\":2}", "\u0000", "{\"\u0000\":1}", "{\"a\":\"line\nbreak\"}", "<xml/>", "topic=genesis.build",
            "--boundary\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--boundary--");
    private static final List<String> NOT_OBJECTS = List.of("[]", "[{}]", "\"text\"", "42", "-0", "1e400", "null", "true", "false",
            "[\"genesis.build\"]", "\"\\ud800\"");
    private static final List<String> SEGMENTS = List.of("..", "%2e%2e", "%2E%2E%2F%2E%2E", "a%2Fb", "%2F", "%5C", "%00", "%ff",
            "%C0%AF", "%E2%80%AE", "%F0%9F%98%80", "%ED%A0%80", "%EF%BF%BF", "%20", "%09", "%3Cscript%3E", "%27%20OR%201%3D1--",
            "%25", "%25%32%65", "~", "*", "-1", "0", "null", "undefined", "NaN", "1e400", "9223372036854775808", "a;b=c",
            "%3Bjsessionid%3D1", "biz_0000000000000000", "biz_ffffffffffffffff", "BIZ_0000000000000000", "pay_0", "mdt_0",
            "task-1", "%7B%7D", "%5B%5D", "genesis.build%00", "default", "1700000000000-0", "...", ".", "%2e");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=utf-8",
            "application/json; charset=utf-16", "application/json; charset=no-such-charset", "application/problem+json",
            "application/merge-patch+json", "text/plain", "text/html", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data", "multipart/form-data; boundary=boundary", "application/octet-stream", "*/*", "json",
            "application/", "; charset=utf-8", "application/json;;", "application/vnd.genesis+json", "text/event-stream");
    private static final List<String> ACCEPTS = List.of("application/json", "*/*", "text/html", "application/xml",
            "text/event-stream", "application/problem+json", "image/png", "application/json;q=0", "garbage/", "text/*;q=0.1");

    private final Random random;

    FuzzInputs(long seed) {
        this.random = new Random(seed);
    }

    boolean chance(double probability) {
        return random.nextDouble() < probability;
    }

    int below(int bound) {
        return random.nextInt(bound);
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    String hex(int length) {
        byte[] bytes = new byte[(length + 1) / 2];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes).substring(0, length);
    }

    // --- JSON ---------------------------------------------------------------------------------------------------

    /** A value meant to be wrong wherever it lands: a wrong type, a number out of range, hostile text, a deep tree. */
    Object evilValue() {
        return switch (below(12)) {
            case 0, 1 -> new Raw(pick(NUMBERS));
            case 2, 3, 4 -> pick(STRINGS);
            case 5 -> random.nextBoolean();
            case 6 -> NULL;
            case 7 -> chance(0.5) ? new LinkedHashMap<>() : new ArrayList<>();
            case 8 -> deep(chance(0.7) ? 20 + below(200) : 1_000 + below(1_500));
            case 9 -> "x".repeat(chance(0.8) ? 1_000 + below(10_000) : 100_000 + below(200_000));
            case 10 -> wide();
            default -> unicodeText(1 + below(40));
        };
    }

    /** Text of random code points, lone surrogates and control characters included. */
    String unicodeText(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            switch (below(6)) {
                case 0 -> text.append((char) below(0x20));
                case 1 -> text.append((char) (0xD800 + below(0x800)));
                case 2 -> text.appendCodePoint(0x1F300 + below(0x300));
                case 3 -> text.appendCodePoint(0x0590 + below(0x200));
                case 4 -> text.appendCodePoint(0x4E00 + below(0x5000));
                default -> text.append((char) ('a' + below(26)));
            }
        }
        return text.toString();
    }

    private Object deep(int depth) {
        Object value = random.nextBoolean() ? 1 : "leaf";
        boolean arrays = random.nextBoolean();
        for (int i = 0; i < depth; i++) {
            if (arrays) {
                List<Object> array = new ArrayList<>();
                array.add(value);
                value = array;
            } else {
                Map<String, Object> object = new LinkedHashMap<>();
                object.put("a", value);
                value = object;
            }
        }
        return value;
    }

    private Object wide() {
        int n = 500 + below(5_000);
        if (random.nextBoolean()) {
            List<Object> array = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                array.add(i);
            }
            return array;
        }
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            object.put("f" + i, i);
        }
        return object;
    }

    /**
     * A body derived from a valid {@code template}: mostly broken on purpose (members dropped, added, retyped; the
     * syntax truncated or wrong; not an object; invalid UTF-8; empty), sometimes left as it is.
     */
    byte[] body(Map<String, Object> template) {
        int roll = below(100);
        String text;
        if (roll < 40) {
            text = json(mutated(template, 1 + below(3)));
        } else if (roll < 50) {
            String whole = json(template);
            text = whole.substring(0, below(Math.max(1, whole.length())));
        } else if (roll < 60) {
            text = pick(BROKEN_JSON);
        } else if (roll < 67) {
            text = pick(NOT_OBJECTS);
        } else if (roll < 71) {
            int depth = 1_000 + below(50_000);
            text = random.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth) : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
        } else if (roll < 75) {
            text = "";
        } else if (roll < 79) {
            String whole = json(template);
            String key = template.isEmpty() ? "a" : pick(new ArrayList<>(template.keySet()));
            text = whole.isEmpty() || template.isEmpty() ? whole
                    : whole.substring(0, whole.length() - 1) + "," + quote(key) + ":" + json(evilValue()) + "}";
        } else if (roll < 82) {
            return invalidUtf8(json(template));
        } else if (roll < 86) {
            text = json(template);
        } else {
            text = json(oneLeafWrong(template));
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private byte[] invalidUtf8(String json) {
        byte[] valid = json.getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[valid.length + 2];
        int at = below(valid.length + 1);
        System.arraycopy(valid, 0, broken, 0, at);
        broken[at] = (byte) 0xC3;
        broken[at + 1] = (byte) (random.nextBoolean() ? 0x28 : 0xFF);
        System.arraycopy(valid, at, broken, at + 2, valid.length - at);
        return broken;
    }

    /** The template with one member, at any depth, holding an evil value: the rest stays valid. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> oneLeafWrong(Map<String, Object> template) {
        Map<String, Object> copy = new LinkedHashMap<>(template);
        if (copy.isEmpty()) {
            return copy;
        }
        String key = pick(new ArrayList<>(copy.keySet()));
        copy.put(key, copy.get(key) instanceof Map<?, ?> nested && chance(0.7) ? oneLeafWrong((Map<String, Object>) nested)
                : evilValue());
        return copy;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> mutated(Map<String, Object> template, int times) {
        Map<String, Object> copy = new LinkedHashMap<>(template);
        for (int i = 0; i < times; i++) {
            List<String> keys = new ArrayList<>(copy.keySet());
            switch (below(keys.isEmpty() ? 1 : 5)) {
                case 0 -> copy.put(pick(List.of("colour", "tenant_id", "__proto__", "constructor", "id", "status", "", "\u0000",
                        "TOPIC", "businessType", unicodeText(4))), evilValue());
                case 1 -> copy.remove(pick(keys));
                case 2, 3 -> copy.put(pick(keys), evilValue());
                default -> {
                    String key = pick(keys);
                    if (copy.get(key) instanceof Map<?, ?> nested) {
                        copy.put(key, mutated((Map<String, Object>) nested, 1));
                    } else {
                        Object value = copy.remove(key);
                        copy.put(key.toUpperCase(java.util.Locale.ROOT), value);
                    }
                }
            }
        }
        return copy;
    }

    static String json(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Raw raw) {
            out.append(raw.text());
        } else if (value instanceof String text) {
            out.append(quote(text));
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (var entry : map.entrySet()) {
                out.append(first ? "" : ",").append(quote(String.valueOf(entry.getKey()))).append(':');
                write(out, entry.getValue());
                first = false;
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                write(out, list.get(i));
            }
            out.append(']');
        } else {
            out.append(value);
        }
    }

    /** JSON string text; control characters and surrogates (which UTF-8 cannot carry alone) as escapes. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    // --- URL and headers -----------------------------------------------------------------------------------------

    /** A path segment, already percent-encoded: one of {@code valid} about a third of the time, else something odd. */
    String segment(List<String> valid) {
        if (chance(0.35) && !valid.isEmpty()) {
            return encode(pick(valid));
        }
        return switch (below(6)) {
            case 0 -> "x".repeat(300 + below(3_000));
            case 1 -> encode(unicodeText(1 + below(12)));
            case 2 -> hex(1 + below(40));
            default -> pick(SEGMENTS);
        };
    }

    /** A query value, percent-encoded. */
    String queryValue() {
        return switch (below(5)) {
            case 0 -> encode(pick(NUMBERS));
            case 1 -> encode(pick(STRINGS).length() > 2_000 ? "long" : pick(STRINGS));
            case 2 -> String.valueOf(below(600) - 50);
            case 3 -> "";
            default -> pick(SEGMENTS);
        };
    }

    String contentType() {
        return pick(CONTENT_TYPES);
    }

    String accept() {
        return pick(ACCEPTS);
    }

    /** Header text the HTTP client can send (printable ASCII), odd in every other way. */
    String headerValue() {
        return switch (below(5)) {
            case 0 -> "";
            case 1 -> "a b";
            case 2 -> "k".repeat(100 + below(400));
            case 3 -> "../" + hex(8);
            default -> hex(16 + below(24));
        };
    }

    /** Percent-encodes every byte of the UTF-8 (lone surrogates as 0xED 0xA0.. sequences) except unreserved ASCII. */
    static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'
                    || c == '~') {
                out.append(c);
            } else if (Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1)))) {
                out.append(String.format("%%%02X%%%02X%%%02X", 0xE0 | (c >> 12), 0x80 | ((c >> 6) & 0x3F), 0x80 | (c & 0x3F)));
            } else {
                int end = Character.isHighSurrogate(c) ? i + 2 : i + 1;
                for (byte b : text.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    out.append(String.format("%%%02X", b & 0xFF));
                }
                i = end - 1;
            }
        }
        return out.toString();
    }
}
