package io.genesis.businesses;

import java.util.Locale;

/** Where one DAG task of a business is. */
public enum DagTaskStatus {
    PENDING, READY, PUBLISHED, AWAITING_APPROVAL, COMPLETED, FAILED, BLOCKED, SKIPPED;

    public boolean finished() {
        return this == COMPLETED || this == FAILED || this == BLOCKED || this == SKIPPED;
    }

    public String sql() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DagTaskStatus fromSql(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
