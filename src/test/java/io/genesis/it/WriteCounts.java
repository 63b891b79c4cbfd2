package io.genesis.it;

import redis.clients.jedis.RedisClient;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.resps.StreamEntry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one tenant has written, counted the way a reporting tool would: its rows in the tables a request can write
 * (businesses and their tasks, transitions and approvals; payments with their events and decisions; mandates; task
 * results) and the entries that mention it in every Redis stream since counting began.
 * {@link FuzzIT} compares two counts around a refused request: a refused write leaves them equal.
 */
final class WriteCounts implements AutoCloseable {

    private static final String ROWS = """
            SELECT (SELECT count(*) FROM businesses WHERE tenant_id = ?) AS businesses,
                   (SELECT count(*) FROM business_tasks t JOIN businesses b ON b.business_id = t.business_id WHERE b.tenant_id = ?) AS business_tasks,
                   (SELECT count(*) FROM business_transitions t JOIN businesses b ON b.business_id = t.business_id WHERE b.tenant_id = ?) AS business_transitions,
                   (SELECT count(*) FROM business_approvals a JOIN businesses b ON b.business_id = a.business_id WHERE b.tenant_id = ?) AS business_approvals,
                   (SELECT count(*) FROM x402_payments WHERE tenant_id = ?) AS x402_payments,
                   (SELECT count(*) FROM payment_events e JOIN x402_payments p ON p.id = e.payment_id WHERE p.tenant_id = ?) AS payment_events,
                   (SELECT count(*) FROM payment_decisions d JOIN x402_payments p ON p.id = d.payment_id WHERE p.tenant_id = ?) AS payment_decisions,
                   (SELECT count(*) FROM payment_mandates WHERE tenant_id = ?) AS payment_mandates,
                   (SELECT count(*) FROM omnidaemon_task_results WHERE tenant_id = ?) AS omnidaemon_task_results""";

    private final Connection db;
    private final RedisClient redis = Tasks.redis();
    private String tenant;
    private List<String> streams = List.of();
    private int counted;
    private final Map<String, StreamEntryID> seen = new HashMap<>();
    private final Map<String, Long> mentions = new HashMap<>();

    WriteCounts() throws SQLException {
        db = Database.connect();
    }

    /** Starts counting for {@code tenant}: stream entries count from now on. */
    void follow(String tenant) {
        this.tenant = tenant;
        seen.clear();
        mentions.clear();
        streams = streams();
        for (String stream : streams) {
            List<StreamEntry> last = redis.xrevrange(stream, "+", "-", 1);
            seen.put(stream, last.isEmpty() ? new StreamEntryID(0, 0) : last.get(0).getID());
        }
    }

    /** The counts now, by table and by stream. */
    Map<String, Long> now() throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (PreparedStatement select = db.prepareStatement(ROWS)) {
            for (int i = 1; i <= 9; i++) {
                select.setString(i, tenant);
            }
            try (ResultSet row = select.executeQuery()) {
                row.next();
                for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                    counts.put(row.getMetaData().getColumnName(i), row.getLong(i));
                }
            }
        }
        if (++counted % 25 == 0) {
            streams = streams(); // a stream created since is counted from its start
        }
        for (String stream : streams) {
            StreamEntryID from = seen.getOrDefault(stream, new StreamEntryID(0, 0));
            List<StreamEntry> added = redis.xrange(stream, "(" + from, "+", 10_000);
            long mentioning = added.stream().filter(entry -> entry.getFields().values().stream()
                    .anyMatch(value -> value.contains("\"" + tenant + "\"") || value.equals(tenant))).count();
            if (!added.isEmpty()) {
                seen.put(stream, added.get(added.size() - 1).getID());
            }
            mentions.merge(stream, mentioning, Long::sum);
        }
        mentions.forEach((stream, n) -> {
            if (n > 0) {
                counts.put(stream, n);
            }
        });
        return counts;
    }

    private List<String> streams() {
        List<String> keys = new java.util.ArrayList<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = redis.scan(cursor, new ScanParams().count(1_000), "stream");
            keys.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return keys;
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
