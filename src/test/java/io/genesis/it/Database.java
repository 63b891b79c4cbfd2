package io.genesis.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** JDBC straight to the integration-test PostgreSQL, as a reporting tool would connect. */
public final class Database {

    private Database() {
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + Integer.getInteger("genesis.it.postgres.port", 15432)
                + "/genesis", "genesis", "genesis");
    }

    /** The number a {@code SELECT COUNT(...)} with one text parameter answers. */
    public static long count(String sql, String parameter) {
        try (Connection db = connect(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
