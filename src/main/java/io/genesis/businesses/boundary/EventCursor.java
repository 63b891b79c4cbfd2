package io.genesis.businesses.boundary;

import io.genesis.businesses.DagTaskStatus;

/**
 * What a client of a business's event stream has already seen, carried as the id of every event it receives (SSE
 * {@code id:}), so a reconnect with {@code Last-Event-ID} resumes without a gap or a duplicate on any worker: the
 * last transition id, then one character per task (by plan position) for the last status sent of it.
 * {@code "17-4433"} = transitions up to 17, tasks 0 and 1 completed, 2 and 3 awaiting approval.
 */
record EventCursor(long lastTransition, String taskStatuses) {

    static final EventCursor START = new EventCursor(0, "");
    private static final char UNSEEN = '.';

    /** The cursor a {@code Last-Event-ID} names; anything unreadable means "from the start". */
    static EventCursor parse(String lastEventId) {
        if (lastEventId == null) {
            return START;
        }
        int dash = lastEventId.indexOf('-');
        if (dash <= 0) {
            return START;
        }
        try {
            long transition = Long.parseLong(lastEventId.substring(0, dash));
            String statuses = lastEventId.substring(dash + 1);
            boolean readable = transition >= 0 && statuses.chars().allMatch(c -> c == UNSEEN || status((char) c) != null);
            return readable ? new EventCursor(transition, statuses) : START;
        } catch (NumberFormatException e) {
            return START;
        }
    }

    String id() {
        return lastTransition + "-" + taskStatuses;
    }

    EventCursor afterTransition(long id) {
        return new EventCursor(id, taskStatuses);
    }

    /** The status last sent for the task at {@code position}, or null when none was. */
    DagTaskStatus sent(int position) {
        return position < taskStatuses.length() ? status(taskStatuses.charAt(position)) : null;
    }

    EventCursor withTask(int position, DagTaskStatus status) {
        StringBuilder statuses = new StringBuilder(taskStatuses);
        while (statuses.length() <= position) {
            statuses.append(UNSEEN);
        }
        statuses.setCharAt(position, Character.forDigit(status.ordinal(), Character.MAX_RADIX));
        return new EventCursor(lastTransition, statuses.toString());
    }

    private static DagTaskStatus status(char code) {
        int ordinal = Character.digit(code, Character.MAX_RADIX);
        DagTaskStatus[] all = DagTaskStatus.values();
        return ordinal >= 0 && ordinal < all.length ? all[ordinal] : null;
    }
}
