package io.genesis.businesses.boundary;

import io.genesis.api.InvalidParameter;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The search and date filters of {@code GET /api/businesses}, read and checked: {@code q} (a business id, or part of
 * the name, case-insensitive; at most {@value #MAX_TEXT} characters, no control characters) and {@code created_from} /
 * {@code created_to}, each a date ({@code 2026-12-07}, the whole UTC day, both ends included) or an instant
 * ({@code 2026-12-07T10:00:00Z}). A bad value is a 400 naming the parameter.
 */
record ListFilters(String text, Instant createdFrom, Instant createdBefore) {

    static final int MAX_TEXT = 200;

    static ListFilters of(String q, String from, String to) {
        String text = q == null || q.isBlank() ? null : q.strip();
        if (text != null && (text.length() > MAX_TEXT || text.chars().anyMatch(Character::isISOControl))) {
            throw new InvalidParameter("q", "q must be at most " + MAX_TEXT
                    + " characters without control characters: a business id or part of a business's name");
        }
        Instant start = from == null || from.isBlank() ? null : instant("created_from", from.strip(), false);
        Instant end = to == null || to.isBlank() ? null : instant("created_to", to.strip(), true);
        if (start != null && end != null && !start.isBefore(end)) {
            throw new InvalidParameter("created_to", "created_to (" + to + ") must not be before created_from (" + from + ")");
        }
        return new ListFilters(text, start, end);
    }

    /** The start of the day or the instant; for the end of a range, the first instant after it (exclusive). */
    private static Instant instant(String name, String raw, boolean end) {
        try {
            if (raw.length() == 10) {
                LocalDate day = LocalDate.parse(raw);
                return (end ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            Instant at = Instant.parse(raw);
            return end ? at.plusNanos(1000) : at;
        } catch (DateTimeException e) {
            throw new InvalidParameter(name, name + " must be a date (2026-12-07, a whole UTC day) or an instant"
                    + " (2026-12-07T10:00:00Z); got '" + (raw.length() > 40 ? raw.substring(0, 40) + "…" : raw) + "'");
        }
    }
}
