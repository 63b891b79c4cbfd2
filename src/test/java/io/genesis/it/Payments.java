package io.genesis.it;

import jakarta.json.JsonObject;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Purchases through {@code POST /api/payments} and the ledger rows behind them, for the payments integration tests. */
final class Payments {

    /** The simulated vendor catalogue on the IT server (the catalogue is configured for 127.0.0.1). */
    static final String VENDORS = "http://127.0.0.1:" + URI.create(Api.BASE).getPort() + "/sim/x402/vendors/";
    static final String FACILITATOR = "/sim/x402/facilitator";

    private Payments() {
    }

    /** Records tenant {@code default} as the owner of a spend-summary delivery, as the API does before queueing its job. */
    static void ownSpendDelivery(String deliveryId, String business) throws SQLException {
        try (Connection db = Database.connect(); PreparedStatement owner = db.prepareStatement(
                "INSERT INTO spend_summary_deliveries (delivery_id, tenant_id, business_id) VALUES (?, 'default', ?)")) {
            owner.setString(1, deliveryId);
            owner.setString(2, business);
            owner.executeUpdate();
        }
    }

    static String business() {
        return "biz_it_" + UUID.randomUUID().toString().substring(0, 12);
    }

    static String key() {
        return "key_" + UUID.randomUUID().toString().replace("-", "");
    }

    static String body(String business, String agent, String vendorUrl, String purpose) {
        return body(business, agent, vendorUrl, purpose, "ONE_SHOT", "{\"n\":\"" + UUID.randomUUID() + "\"}");
    }

    static String body(String business, String agent, String vendorUrl, String purpose, String mode, String requestBody) {
        return "{\"business_id\":\"" + business + "\",\"agent_id\":\"" + agent + "\",\"vendor_url\":\"" + vendorUrl
                + "\",\"purpose\":\"" + purpose + "\",\"mode\":\"" + mode + "\",\"body\":" + requestBody + "}";
    }

    static Api.Reply post(String json, String key) {
        return Api.post("/api/payments", json, key == null ? Map.of() : Map.of("Idempotency-Key", key));
    }

    /** Buys and expects a new payment (201); the payment as answered. */
    static JsonObject buy(String json) {
        Api.Reply reply = post(json, key());
        assertTrue(reply.status() == 201, reply.status() + " " + reply.body());
        return reply.json();
    }

    static JsonObject get(String paymentId) {
        return Api.get("/api/payments/" + paymentId).json();
    }

    /** One column set of a payment row, read straight from PostgreSQL as a reporting tool would. */
    static Map<String, Object> row(String paymentId) throws SQLException {
        try (Connection db = Database.connect(); PreparedStatement select = db.prepareStatement(
                "SELECT * FROM x402_payments WHERE id = ?")) {
            select.setString(1, paymentId);
            try (ResultSet rows = select.executeQuery()) {
                Map<String, Object> row = new LinkedHashMap<>();
                if (rows.next()) {
                    for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                        row.put(rows.getMetaData().getColumnName(i), rows.getObject(i));
                    }
                }
                return row;
            }
        }
    }

    static long count(String sql, String value) throws SQLException {
        try (Connection db = Database.connect(); PreparedStatement select = db.prepareStatement(sql)) {
            select.setString(1, value);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
