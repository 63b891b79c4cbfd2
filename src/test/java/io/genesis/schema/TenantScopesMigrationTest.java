package io.genesis.schema;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * sql/V8 on a database that already holds payments of two tenants (as V7 left it): mandates get their payments',
 * business's or the {@code default} tenant, the spend counters are rebuilt per tenant from the reservations they sum,
 * and idempotency keys become unique per tenant.
 */
class TenantScopesMigrationTest {

    private static final String SQL = "filesystem:sql";

    @Test
    void existingPaymentsMandatesAndSpendAreSplitByTenant() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "migration-test"));
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("data")).setCleanDataDirectory(true)
                .setOverrideWorkingDirectory(Files.createDirectories(dir.resolve("work")).toFile()).start()) {
            DataSource db = postgres.getPostgresDatabase();
            Flyway.configure().dataSource(db).locations(SQL).target("7").load().migrate();
            execute(db, """
                    INSERT INTO businesses (business_id, tenant_id, business_type, status, request) VALUES ('b3', 'zeta', 'saas', 'EXECUTING', '{}');
                    INSERT INTO x402_payments (id, idempotency_key, tenant_id, business_id, agent_id, vendor_url, network, asset, pay_to,
                        amount_atomic, cost_cents, captured_cents, refunded_cents, status, mandate_id) VALUES
                        ('p1', 'key-1', 'acme', 'b1', 'research_agent', 'http://v', 'n', 'a', 'x', 1, 70, 100, 30, 'PARTIALLY_REFUNDED', 'm1'),
                        ('p2', 'key-2', 'default', 'b2', 'research_agent', 'http://v', 'n', 'a', 'x', 1, 0, 0, 0, 'AUTHORIZED', 'm2'),
                        ('p3', 'key-3', 'acme', 'b1', 'research_agent', 'http://v', 'n', 'a', 'x', 1, 0, 0, 0, 'VOIDED', 'm1');
                    INSERT INTO payment_mandates (mandate_id, vct, business_id, agent_id, issuer, status, not_before, not_after, mandate_json) VALUES
                        ('m1', 'mandate.payment.open.1', 'b1', 'research_agent', 'meta-agent', 'ACTIVE', now(), now(), '{}'),
                        ('m2', 'mandate.payment.open.1', 'b2', 'research_agent', 'meta-agent', 'ACTIVE', now(), now(), '{}'),
                        ('m3', 'mandate.payment.open.1', 'b3', 'research_agent', 'meta-agent', 'ACTIVE', now(), now(), '{}'),
                        ('m4', 'mandate.payment.open.1', 'b4', 'research_agent', 'meta-agent', 'ACTIVE', now(), now(), '{}');
                    INSERT INTO payment_mandates (mandate_id, vct, business_id, agent_id, parent_mandate_id, payment_id, issuer, status,
                        not_before, not_after, mandate_json) VALUES
                        ('c1', 'mandate.payment.1', 'b1', 'research_agent', 'm1', 'p1', 'research_agent', 'CLOSED', now(), now(), '{}');
                    INSERT INTO spend_reservations (payment_id, agent_id, spend_day, business_id, cents, state) VALUES
                        ('p1', 'research_agent', current_date, 'b1', 100, 'COMMITTED'),
                        ('p2', 'research_agent', current_date, 'b2', 50, 'HELD'),
                        ('p3', 'research_agent', current_date, 'b1', 70, 'RELEASED');
                    INSERT INTO agent_daily_spend (agent_id, spend_day, committed_cents) VALUES ('research_agent', current_date, 120);
                    INSERT INTO business_spend (business_id, committed_cents) VALUES ('b1', 70), ('b2', 50);
                    """);

            Flyway.configure().dataSource(db).locations(SQL).load().migrate();

            assertEquals(List.of("c1 acme", "m1 acme", "m2 default", "m3 zeta", "m4 default"),
                    rows(db, "SELECT mandate_id, tenant_id FROM payment_mandates ORDER BY 1"),
                    "a closed mandate has its payment's tenant; an open one its payments', else its business's, else default");
            assertEquals(List.of("acme research_agent 70", "default research_agent 50"),
                    rows(db, "SELECT tenant_id, agent_id, committed_cents::bigint FROM agent_daily_spend ORDER BY 1"),
                    "held and committed cents less refunds, per tenant; released ones not");
            assertEquals(List.of("acme b1 70", "default b2 50"),
                    rows(db, "SELECT tenant_id, business_id, committed_cents::bigint FROM business_spend ORDER BY 1"));
            assertEquals(List.of("p1 acme", "p2 default", "p3 acme"), rows(db, "SELECT payment_id, tenant_id FROM spend_reservations ORDER BY 1"));

            String sameKey = """
                    INSERT INTO x402_payments (id, idempotency_key, tenant_id, agent_id, vendor_url, network, asset, pay_to, amount_atomic,
                        cost_cents, status) VALUES ('%s', 'key-1', '%s', 'a', 'http://v', 'n', 'a', 'x', 1, 0, 'REQUESTED')""";
            execute(db, sameKey.formatted("p4", "zeta"));
            assertThrows(SQLException.class, () -> execute(db, sameKey.formatted("p5", "acme")), "a key is unique within its tenant");
        }
    }

    private static void execute(DataSource db, String sql) throws SQLException {
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> rows(DataSource db, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            while (row.next()) {
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                    columns.add(row.getString(i));
                }
                rows.add(String.join(" ", columns));
            }
        }
        return rows;
    }
}
