package io.genesis.sites.store;

import io.genesis.sites.SiteFile;
import io.genesis.sites.SiteStorage;
import jakarta.annotation.Resource;
import io.genesis.store.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Sites in PostgreSQL. A version is staged in one transaction with all its files (the site row locked, so two
 * attempts number their versions one after the other; the same deploy attempt staged twice keeps its first version);
 * {@link #settle} switches the live version inside the caller's transaction; a file is read only from the live version.
 * With {@code genesis.sites.storage=s3} the files' bytes are objects in the {@link SiteBucket}, all written inside the
 * staging transaction before its rows; the rows (manifest, state, live switch) stay here either way.
 */
@ApplicationScoped
public class SiteStore implements SiteStorage {

    @Resource(lookup = "jdbc/genesis", shareable = false)
    DataSource dataSource;

    @Inject
    SiteBucket bucket;

    @Override
    public int stage(Staging staging, List<SiteFile> files) {
        return inTransaction(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO sites (slug, business_id, tenant_id) VALUES (?, ?, ?) ON CONFLICT (slug) DO NOTHING""")) {
                insert.setString(1, staging.slug());
                insert.setString(2, staging.businessId());
                insert.setString(3, staging.tenantId());
                insert.executeUpdate();
            }
            try (PreparedStatement lock = connection.prepareStatement("SELECT business_id FROM sites WHERE slug = ? FOR UPDATE")) {
                lock.setString(1, staging.slug());
                try (ResultSet row = lock.executeQuery()) {
                    if (!row.next() || !row.getString(1).equals(staging.businessId())) {
                        throw new IllegalStateException("site " + staging.slug() + " belongs to another business");
                    }
                }
            }
            Optional<Integer> earlier = single(connection, "SELECT version FROM site_versions WHERE slug = ? AND deploy_task_id = ?"
                    + " AND attempt = ?", staging.slug(), staging.deployTaskId(), staging.attempt());
            if (earlier.isPresent()) {
                return earlier.get();
            }
            int version = single(connection, "SELECT COALESCE(MAX(version), 0) + 1 FROM site_versions WHERE slug = ?",
                    staging.slug()).orElseThrow();
            long bytes = files.stream().mapToLong(file -> file.body().length).sum();
            boolean inBucket = bucket.inBucket();
            if (inBucket) {
                // every object before any row: a version row exists only once all its bytes are stored; a failed
                // upload rolls back, and the next attempt takes the same version number and overwrites the objects
                files.forEach(file -> bucket.put(bucket.key(staging.slug(), version, file.path()), file));
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO site_versions (slug, version, state, deploy_task_id, attempt, file_count, total_bytes, storage)
                    VALUES (?, ?, 'staged', ?, ?, ?, ?, ?)""")) {
                insert.setString(1, staging.slug());
                insert.setInt(2, version);
                insert.setString(3, staging.deployTaskId());
                insert.setInt(4, staging.attempt());
                insert.setInt(5, files.size());
                insert.setLong(6, bytes);
                insert.setString(7, inBucket ? SiteBucket.S3 : SiteBucket.POSTGRES);
                insert.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO site_files (slug, version, path, content_type, body, etag, object_key) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (SiteFile file : files) {
                    insert.setString(1, staging.slug());
                    insert.setInt(2, version);
                    insert.setString(3, file.path());
                    insert.setString(4, file.contentType());
                    insert.setBytes(5, inBucket ? null : file.body());
                    insert.setString(6, file.etag());
                    insert.setString(7, inBucket ? bucket.key(staging.slug(), version, file.path()) : null);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement touch = connection.prepareStatement("UPDATE sites SET updated_at = now() WHERE slug = ?")) {
                touch.setString(1, staging.slug());
                touch.executeUpdate();
            }
            return version;
        });
    }

    /**
     * In the caller's transaction (the business's terminal transition): when {@code live}, the newest staged version of
     * the business's site goes live and every other staged or live version is superseded; otherwise its staged versions
     * are discarded. A business without a site changes nothing.
     */
    public static void settle(Connection connection, String businessId, boolean live) throws SQLException {
        if (!live) {
            update(connection, """
                    UPDATE site_versions v SET state = 'discarded', settled_at = now() FROM sites s
                    WHERE s.slug = v.slug AND s.business_id = ? AND v.state = 'staged'""", businessId);
            return;
        }
        Optional<Integer> newest;
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT MAX(v.version) FROM site_versions v JOIN sites s ON s.slug = v.slug
                WHERE s.business_id = ? AND v.state = 'staged'""")) {
            select.setString(1, businessId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                int version = row.getInt(1);
                newest = row.wasNull() ? Optional.empty() : Optional.of(version);
            }
        }
        if (newest.isEmpty()) {
            return;
        }
        update(connection, """
                UPDATE site_versions v SET state = CASE WHEN v.version = ? THEN 'live' ELSE 'superseded' END, settled_at = now()
                FROM sites s WHERE s.slug = v.slug AND s.business_id = ? AND v.state IN ('staged', 'live')""",
                newest.get(), businessId);
        update(connection, "UPDATE sites SET live_version = ?, updated_at = now() WHERE business_id = ?", newest.get(), businessId);
    }

    @Override
    public Optional<SiteFile> liveFile(String slug, String path) {
        record Manifest(String path, String contentType, byte[] body, String etag, String objectKey) {
        }
        return read("""
                SELECT f.path, f.content_type, f.body, f.etag, f.object_key FROM sites s
                JOIN site_files f ON f.slug = s.slug AND f.version = s.live_version
                WHERE s.slug = ? AND f.path = ?""", List.of(slug, path),
                rows -> new Manifest(rows.getString(1), rows.getString(2), rows.getBytes(3), rows.getString(4), rows.getString(5)))
                .stream().findFirst()
                .map(file -> new SiteFile(file.path(), file.contentType(),
                        file.body() != null ? file.body() : bucket.read(file.objectKey(), file.etag()), file.etag()));
    }

    @Override
    public SignUp signUp(String slug, String email) {
        return inTransaction(connection -> {
            if (single(connection, "SELECT 1 FROM sites WHERE slug = ? AND live_version IS NOT NULL", slug).isEmpty()) {
                return SignUp.NO_SITE;
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO waitlist_signups (slug, email) VALUES (?, ?) ON CONFLICT (slug, email) DO NOTHING")) {
                insert.setString(1, slug);
                insert.setString(2, email);
                return insert.executeUpdate() == 1 ? SignUp.ADDED : SignUp.ALREADY_LISTED;
            }
        });
    }

    @Override
    public long signUpCount(String businessId) {
        return read("SELECT COUNT(*) FROM waitlist_signups w JOIN sites s ON s.slug = w.slug WHERE s.business_id = ?",
                List.of(businessId), rows -> rows.getLong(1)).get(0);
    }

    @Override
    public Optional<SiteSummary> site(String businessId, Optional<String> tenant) {
        return read("SELECT slug, live_version, (SELECT COUNT(*) FROM waitlist_signups w WHERE w.slug = s.slug)"
                        + " FROM sites s WHERE business_id = ?" + (tenant.isPresent() ? " AND tenant_id = ?" : ""),
                tenant.map(t -> List.of(businessId, t)).orElse(List.of(businessId)),
                rows -> new SiteSummary(rows.getString(1), (Integer) rows.getObject(2), rows.getLong(3))).stream().findFirst();
    }

    @Override
    public List<SignUpRow> signUps(String slug, int limit, int offset) {
        return read("SELECT email, created_at FROM waitlist_signups WHERE slug = ? ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?",
                List.of(slug, limit, offset), rows -> new SignUpRow(rows.getString(1), rows.getTimestamp(2).toInstant()));
    }

    @Override
    public List<VersionRow> versions(String slug) {
        return read("SELECT version, state, deploy_task_id, attempt, file_count, total_bytes, staged_at, settled_at, storage"
                        + " FROM site_versions WHERE slug = ? ORDER BY version", List.of(slug),
                rows -> new VersionRow(rows.getInt(1), rows.getString(2), rows.getString(3), rows.getInt(4), rows.getInt(5),
                        rows.getLong(6), rows.getTimestamp(7).toInstant(),
                        rows.getTimestamp(8) == null ? null : rows.getTimestamp(8).toInstant(), rows.getString(9)));
    }

    // ---- plumbing

    private <T> T inTransaction(Jdbc.Work<T> work) {
        try {
            return Jdbc.inTransaction(dataSource, work);
        } catch (SQLException e) {
            throw new SitesUnavailable(e);
        }
    }

    private <T> List<T> read(String sql, List<?> args, Jdbc.Row<T> row) {
        try {
            return Jdbc.read(dataSource, sql, args, row);
        } catch (SQLException e) {
            throw new SitesUnavailable(e);
        }
    }

    private static Optional<Integer> single(Connection connection, String sql, Object... args) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                select.setObject(i + 1, args[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? Optional.of(rows.getInt(1)) : Optional.empty();
            }
        }
    }

    private static void update(Connection connection, String sql, Object... args) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                update.setObject(i + 1, args[i]);
            }
            update.executeUpdate();
        }
    }

    /** PostgreSQL failed under a sites operation; nothing of that transaction was kept. */
    public static class SitesUnavailable extends RuntimeException {
        SitesUnavailable(SQLException cause) {
            super("site store unavailable: " + cause.getMessage(), cause);
        }
    }
}
