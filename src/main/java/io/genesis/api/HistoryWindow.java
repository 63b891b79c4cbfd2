package io.genesis.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The windows ({@code ?window=}) the dashboard's figures over time are read for, each cut into equal buckets aligned on the epoch: the last hour by
 * minute, the last day by quarter hour, the last week by two hours. The last bucket is the one holding {@code now}.
 */
public enum HistoryWindow {
    HOUR(Duration.ofHours(1), Duration.ofMinutes(1)),
    DAY(Duration.ofDays(1), Duration.ofMinutes(15)),
    WEEK(Duration.ofDays(7), Duration.ofHours(2));

    private final Duration span;
    private final Duration bucket;

    HistoryWindow(Duration span, Duration bucket) {
        this.span = span;
        this.bucket = bucket;
    }

    /** {@code hour}, {@code day} or {@code week}, in any case. */
    public static Optional<HistoryWindow> parse(String text) {
        return Arrays.stream(values()).filter(window -> window.name().equalsIgnoreCase(text == null ? "" : text.trim())).findFirst();
    }

    /**
     * The {@code window} query parameter: absent means {@link #HOUR}; anything but the three names (an empty
     * {@code window=} too) is an {@link InvalidParameter}.
     */
    public static HistoryWindow parameter(String window) {
        if (window == null) {
            return HOUR;
        }
        return parse(window).orElseThrow(() -> new InvalidParameter("window", "window must be one of "
                + Arrays.stream(values()).map(HistoryWindow::label).toList() + ", not '" + window + "'"));
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Duration bucket() {
        return bucket;
    }

    public int buckets() {
        return (int) (span.getSeconds() / bucket.getSeconds());
    }

    /** The start of the first bucket: {@code buckets() - 1} buckets before the one holding {@code now}. */
    public Instant start(Instant now) {
        long size = bucket.getSeconds();
        long current = Math.floorDiv(now.getEpochSecond(), size) * size;
        return Instant.ofEpochSecond(current - (buckets() - 1L) * size);
    }
}
