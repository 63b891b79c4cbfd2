package io.genesis.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** JDBC straight to the integration-test PostgreSQL, as a reporting tool would connect. */
public final class Database {

    private Database() {
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + Integer.getInteger("genesis.it.postgres.port", 15432)
                + "/genesis", "genesis", "genesis");
    }
}
