package io.genesis.payments.store;

import io.genesis.payments.LedgerUnavailable;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The one-column id lists the stores read (work for the sweeper, charges under a mandate). */
final class Ids {

    private Ids() {
    }

    /** The first column of every row {@code sql} selects with {@code parameters} bound in order. */
    static List<String> select(DataSource dataSource, String sql, Object... parameters) {
        try (Connection db = dataSource.getConnection(); PreparedStatement select = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new LedgerUnavailable(e);
        }
    }
}
