package io.genesis.deploy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which values of a values.yaml have no comment: a value (a key with something on its line) counts as commented when a
 * comment line sits directly above it, or above a key that encloses it (a commented block such as {@code resources:}).
 * Keys that only group others need no comment of their own; list items inherit their list's.
 */
final class ValuesComments {

    private static final Pattern KEY = Pattern.compile("^( *)([A-Za-z0-9_.\\-]+):(\\s*$|\\s+\\S)");

    private ValuesComments() {
    }

    static List<String> uncommentedKeys(List<String> lines) {
        record Key(int indent, boolean commented) {
        }
        Deque<Key> enclosing = new ArrayDeque<>();
        List<String> uncommented = new ArrayList<>();
        boolean commentAbove = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                commentAbove = false;
                continue;
            }
            if (line.stripLeading().startsWith("#")) {
                commentAbove = true;
                continue;
            }
            Matcher key = KEY.matcher(line);
            if (key.find()) {
                int indent = key.group(1).length();
                while (!enclosing.isEmpty() && enclosing.peek().indent() >= indent) {
                    enclosing.pop();
                }
                boolean commented = commentAbove || (!enclosing.isEmpty() && enclosing.peek().commented());
                boolean groupsOthers = line.strip().endsWith(":");
                if (!commented && !groupsOthers) {
                    uncommented.add((i + 1) + ": " + line.strip());
                }
                enclosing.push(new Key(indent, commented));
            }
            commentAbove = false;
        }
        return uncommented;
    }
}
