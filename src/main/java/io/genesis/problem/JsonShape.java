package io.genesis.problem;

import jakarta.ws.rs.core.Response;

/**
 * The shape of a JSON text, followed byte by byte as it streams in, before any parser builds it: nesting deeper than
 * {@code maxDepth} objects and arrays is a 400, more than {@code maxMembers} members and elements in the whole text a
 * 413. Members are counted as the commas between them plus one per object or array (exact for non-empty ones, an
 * empty one counts one). Bytes inside strings are skipped; UTF-8 multi-byte characters never contain the ASCII bytes
 * it looks at.
 */
final class JsonShape {

    static final String MAX_DEPTH_KEY = "genesis.api.json.max-depth";
    static final String MAX_MEMBERS_KEY = "genesis.api.json.max-members";

    private final int maxDepth;
    private final long maxMembers;
    private int depth;
    private long members;
    private boolean inString;
    private boolean escaped;

    JsonShape(int maxDepth, long maxMembers) {
        this.maxDepth = maxDepth;
        this.maxMembers = maxMembers;
    }

    void accept(int b) {
        if (inString) {
            if (escaped) {
                escaped = false;
            } else if (b == '\\') {
                escaped = true;
            } else if (b == '"') {
                inString = false;
            }
            return;
        }
        switch (b) {
            case '"' -> inString = true;
            case '{', '[' -> {
                if (++depth > maxDepth) {
                    throw new ProblemException(BindingProblems.field(BindingProblems.BODY,
                            "Request body nests objects and arrays deeper than " + maxDepth + " levels (" + MAX_DEPTH_KEY + ")"));
                }
                member();
            }
            case '}', ']' -> depth--;
            case ',' -> member();
            default -> {
                // values, names, colons and whitespace do not change the shape
            }
        }
    }

    void accept(byte[] buffer, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            accept(buffer[i] & 0xff);
        }
    }

    private void member() {
        if (++members > maxMembers) {
            throw new ProblemException(Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "Request body has more than "
                    + maxMembers + " members and elements (" + MAX_MEMBERS_KEY + ")").with("field", BindingProblems.BODY));
        }
    }
}
