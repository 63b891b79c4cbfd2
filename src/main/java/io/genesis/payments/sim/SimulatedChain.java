package io.genesis.payments.sim;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * SIMULATED token ledger in {@code x402_sim_transfers}: what a chain would record. Every wallet starts with
 * {@code genesis.payments.sim.wallet-balance-cents}; the unique (network, asset, payer, nonce) is EIP-3009's replay
 * protection; a transfer checks the balance under a per-payer lock, so concurrent settles cannot overdraw.
 */
@ApplicationScoped
public class SimulatedChain {

    /** A settled transfer, or the reason it was refused (x402 error code). */
    public record Transfer(String txHash, String refusal) {
    }

    @Resource(lookup = "jdbc/genesis", shareable = false)
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "genesis.payments.sim.wallet-balance-cents")
    long startingBalanceCents;

    @Inject
    @ConfigProperty(name = "genesis.payments.asset-decimals")
    int decimals;

    public boolean nonceUsed(String network, String asset, String payer, String nonce) throws SQLException {
        return find(network, asset, payer, nonce).isPresent();
    }

    public Optional<String> find(String network, String asset, String payer, String nonce) throws SQLException {
        try (Connection db = dataSource.getConnection(); PreparedStatement select = db.prepareStatement("""
                SELECT tx_hash FROM x402_sim_transfers
                WHERE network = ? AND lower(asset) = lower(?) AND lower(payer) = lower(?) AND auth_nonce = lower(?)""")) {
            select.setString(1, network);
            select.setString(2, asset);
            select.setString(3, payer);
            select.setString(4, nonce);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    public BigInteger balance(String network, String asset, String address) throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            return balance(db, network, asset, address);
        }
    }

    /** Moves {@code value} from payer to payee under the nonce; refused with an x402 code when it cannot. */
    public Transfer transfer(String kind, String network, String asset, String payer, String payTo, String nonce, BigInteger value)
            throws SQLException {
        String txHash = "0x" + HexFormat.of().formatHex(SimulatedWallets.sha256(("sim-tx|" + kind + "|" + network + "|"
                + payer.toLowerCase() + "|" + nonce.toLowerCase()).getBytes(StandardCharsets.UTF_8)));
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            try {
                try (PreparedStatement lock = db.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(lower(?)))")) {
                    lock.setString(1, payer);
                    lock.execute();
                }
                if (balance(db, network, asset, payer).compareTo(value) < 0) {
                    db.rollback();
                    return new Transfer(null, "insufficient_funds");
                }
                int inserted;
                try (PreparedStatement insert = db.prepareStatement("""
                        INSERT INTO x402_sim_transfers (tx_hash, kind, network, asset, payer, pay_to, auth_nonce, value_atomic)
                        VALUES (?, ?, ?, lower(?), lower(?), lower(?), lower(?), ?) ON CONFLICT DO NOTHING""")) {
                    insert.setString(1, txHash);
                    insert.setString(2, kind);
                    insert.setString(3, network);
                    insert.setString(4, asset);
                    insert.setString(5, payer);
                    insert.setString(6, payTo);
                    insert.setString(7, nonce);
                    insert.setBigDecimal(8, new BigDecimal(value));
                    inserted = insert.executeUpdate();
                }
                db.commit();
                return inserted == 1 ? new Transfer(txHash, null) : new Transfer(null, "invalid_exact_evm_nonce_already_used");
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            }
        }
    }

    /** The simulated transfer with that hash: {@code [payer, payTo, value]}. */
    public Optional<String[]> byHash(String txHash) throws SQLException {
        try (Connection db = dataSource.getConnection(); PreparedStatement select = db.prepareStatement(
                "SELECT payer, pay_to, value_atomic FROM x402_sim_transfers WHERE tx_hash = lower(?) AND kind = 'TRANSFER'")) {
            select.setString(1, txHash);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new String[] {row.getString(1), row.getString(2), row.getBigDecimal(3).toBigInteger().toString()})
                        : Optional.empty();
            }
        }
    }

    private BigInteger balance(Connection db, String network, String asset, String address) throws SQLException {
        try (PreparedStatement sum = db.prepareStatement("""
                SELECT COALESCE(SUM(CASE WHEN pay_to = lower(?) THEN value_atomic ELSE 0 END), 0)
                     - COALESCE(SUM(CASE WHEN payer = lower(?) THEN value_atomic ELSE 0 END), 0)
                FROM x402_sim_transfers WHERE network = ? AND asset = lower(?) AND (payer = lower(?) OR pay_to = lower(?))""")) {
            sum.setString(1, address);
            sum.setString(2, address);
            sum.setString(3, network);
            sum.setString(4, asset);
            sum.setString(5, address);
            sum.setString(6, address);
            try (ResultSet row = sum.executeQuery()) {
                row.next();
                BigInteger start = BigInteger.valueOf(startingBalanceCents).multiply(BigInteger.TEN.pow(decimals - 2));
                return start.add(row.getBigDecimal(1).toBigInteger());
            }
        }
    }
}
