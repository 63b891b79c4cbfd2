package io.genesis.agents;

/** Sentence surgery for the generated prose: a feature name inside a sentence, a sentence start, a length limit. */
final class Phrases {

    private Phrases() {
    }

    /** "Usage dashboard" -> "usage dashboard"; acronyms stay ("API keys", "OAuth sign-in"). */
    static String lowerFirst(String text) {
        if (text.isEmpty() || text.length() > 1 && Character.isUpperCase(text.charAt(1))) {
            return text;
        }
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** At most {@code max} characters, cut at a word boundary and marked with an ellipsis. */
    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1).replaceAll("\\s+\\S*$", "") + "…";
    }
}
