package io.genesis.runtime;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * W3C trace context for envelopes: a caller's valid {@code traceparent} is carried as it is; otherwise a new trace
 * is started, so every task (and the tasks it causes) can be joined with traces and SQL rows.
 */
public final class TraceContext {

    public static final String HEADER = "traceparent";
    private static final Pattern VALID = Pattern.compile("00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");

    private TraceContext() {
    }

    public static String continueOrStart(String traceparent) {
        if (traceparent != null && VALID.matcher(traceparent).matches()) {
            return traceparent;
        }
        byte[] traceId = new byte[16];
        byte[] spanId = new byte[8];
        ThreadLocalRandom.current().nextBytes(traceId);
        ThreadLocalRandom.current().nextBytes(spanId);
        traceId[0] |= 1;
        spanId[0] |= 1;
        return "00-" + HexFormat.of().formatHex(traceId) + "-" + HexFormat.of().formatHex(spanId) + "-01";
    }
}
