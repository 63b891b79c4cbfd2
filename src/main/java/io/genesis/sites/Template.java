package io.genesis.sites;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page template kept as a resource under {@code /sites/}: {@code {{name}}} is replaced by a text value, escaped for
 * HTML and XML (text and attribute values alike), {@code {{{name}}}} by {@link Html} that another template rendered.
 * A text value can never land unescaped: the raw form only takes {@link Html}. A name the values do not have, or a
 * value of the wrong kind, is an error, not an empty string.
 */
public final class Template {

    private static final Pattern SLOT = Pattern.compile("\\{\\{\\{([a-z_]+)}}}|\\{\\{([a-z_]+)}}");

    /** Markup a template rendered: the only kind of value a {@code {{{raw}}}} slot takes. */
    public record Html(String markup) {
        public Html {
            Objects.requireNonNull(markup, "markup");
        }

        /** Rendered markup joined in order. */
        public static Html join(Iterable<Html> parts) {
            StringBuilder joined = new StringBuilder();
            parts.forEach(part -> joined.append(part.markup()));
            return new Html(joined.toString());
        }
    }

    private final String name;
    private final String text;

    private Template(String name, String text) {
        this.name = name;
        this.text = text;
    }

    /** The template {@code /sites/<name>} from the class path. */
    public static Template load(String name) {
        try (InputStream in = Template.class.getResourceAsStream("/sites/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no template /sites/" + name);
            }
            return new Template(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Html render(Map<String, ?> values) {
        Matcher slot = SLOT.matcher(text);
        StringBuilder out = new StringBuilder(text.length() * 2);
        while (slot.find()) {
            boolean raw = slot.group(1) != null;
            String key = raw ? slot.group(1) : slot.group(2);
            if (!values.containsKey(key)) {
                throw new IllegalArgumentException("template " + name + " needs a value for " + key);
            }
            Object value = values.get(key);
            String replacement;
            if (raw && value instanceof Html html) {
                replacement = html.markup();
            } else if (!raw && value instanceof String plain) {
                replacement = escape(plain);
            } else {
                throw new IllegalArgumentException("template " + name + ": " + key + " must be "
                        + (raw ? "rendered Html" : "text") + ", not " + (value == null ? "null" : value.getClass().getSimpleName()));
            }
            slot.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        slot.appendTail(out);
        return new Html(out.toString());
    }

    /** Text made safe inside HTML or XML elements and quoted attributes. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        out.append(' ');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
