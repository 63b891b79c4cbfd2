package io.genesis.payments.sim;

import io.genesis.payments.LedgerUnavailable;
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
 * protection; a transfer checks the balance under a per-payer lock, so concurrent settles cannot overdraw. A database
 * failure is {@link LedgerUnavailable}.
 */
@ApplicationScoped
public class SimulatedChainStore {

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

    public boolean nonceUsed(String network, String asset, String payer, String nonce) {
        return find(network, asset, payer, nonce).isPresent();
    }

    public Optional<String> find(String network, String asset, String payer, String nonce) {
        try {
            try (Connection db = dataSource.getConnection(); PreparedStatement select = db.prepareStatement("""
                    SELECT tx_hash FROM x402_sim_transfers
                    WHERE auth_nonce = lower(?) AND network = ? AND asset = lower(?) AND payer = lower(?)""")) {
                select.setString(1, nonce);
                select.setString(2, network);
                select.setString(3, asset);
                select.setString(4, payer);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
                }
            }
        } catch (SQLException e) {
            throw new LedgerUnavailable(e);
        }
    }

    public BigInteger balance(String network, String asset, String address) {
        try {
            try (Connection db = dataSource.getConnection()) {
                return balance(db, network, asset, address);
            }
        } catch (SQLException e) {
            throw new LedgerUnavailable(e);
        }
    }

    /** Moves {@code value} from payer to payee under the nonce; refused with an x402 code when it cannot. */
    public Transfer transfer(String kind, String network, String asset, String payer, String payTo, String nonce, BigInteger value) {
        try {
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
                    if (inserted == 1) {
                        // both rows in address order, so a transfer and one the other way round never wait on each other
                        boolean payerFirst = payer.toLowerCase().compareTo(payTo.toLowerCase()) <= 0;
                        move(db, network, asset, payerFirst ? payer : payTo, new BigDecimal(payerFirst ? value.negate() : value));
                        move(db, network, asset, payerFirst ? payTo : payer, new BigDecimal(payerFirst ? value : value.negate()));
                    }
                    db.commit();
                    return inserted == 1 ? new Transfer(txHash, null) : new Transfer(null, "invalid_exact_evm_nonce_already_used");
                } catch (SQLException | RuntimeException e) {
                    db.rollback();
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new LedgerUnavailable(e);
        }
    }

    /** The simulated transfer with that hash: {@code [payer, payTo, value]}. */
    public Optional<String[]> byHash(String txHash) {
        try {
            try (Connection db = dataSource.getConnection(); PreparedStatement select = db.prepareStatement(
                    "SELECT payer, pay_to, value_atomic FROM x402_sim_transfers WHERE tx_hash = lower(?) AND kind = 'TRANSFER'")) {
                select.setString(1, txHash);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? Optional.of(new String[] {row.getString(1), row.getString(2), row.getBigDecimal(3).toBigInteger().toString()})
                            : Optional.empty();
                }
            }
        } catch (SQLException e) {
            throw new LedgerUnavailable(e);
        }
    }

    /** Starting balance plus the address's net of every transfer ({@code x402_sim_balances}, one row read). */
    private BigInteger balance(Connection db, String network, String asset, String address) throws SQLException {
        try (PreparedStatement select = db.prepareStatement(
                "SELECT net_atomic FROM x402_sim_balances WHERE network = ? AND asset = lower(?) AND address = lower(?)")) {
            select.setString(1, network);
            select.setString(2, asset);
            select.setString(3, address);
            try (ResultSet row = select.executeQuery()) {
                BigInteger start = BigInteger.valueOf(startingBalanceCents).multiply(BigInteger.TEN.pow(decimals - 2));
                return row.next() ? start.add(row.getBigDecimal(1).toBigInteger()) : start;
            }
        }
    }

    /** Adds {@code delta} to the address's net, in the transfer's transaction. */
    private static void move(Connection db, String network, String asset, String address, BigDecimal delta) throws SQLException {
        try (PreparedStatement upsert = db.prepareStatement("""
                INSERT INTO x402_sim_balances AS b (network, asset, address, net_atomic) VALUES (?, lower(?), lower(?), ?)
                ON CONFLICT (network, asset, address) DO UPDATE SET net_atomic = b.net_atomic + EXCLUDED.net_atomic, updated_at = now()""")) {
            upsert.setString(1, network);
            upsert.setString(2, asset);
            upsert.setString(3, address);
            upsert.setBigDecimal(4, delta);
            upsert.executeUpdate();
        }
    }
}
