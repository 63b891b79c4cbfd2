package io.genesis.memory;

import io.genesis.api.JsonConventions;
import io.genesis.evolution.Case;
import io.genesis.evolution.Embedding;
import io.genesis.evolution.Operator;
import io.genesis.evolution.Trajectory;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads and writes {@code memories}, {@code cases} and {@code trajectories} (sql/V3). */
@ApplicationScoped
public class MemoryStore {

    /** One namespaced memory record. */
    public record Memory(String namespace, String subject, String key, JsonObject value) {
    }

    @Resource(lookup = "jdbc/genesis", shareable = false)
    DataSource dataSource;

    /** Upserts a record on (namespace, subject, key). */
    public void remember(Memory memory) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO memories (namespace, subject, record_key, value) VALUES (?, ?, ?, ?::jsonb)
                ON CONFLICT (namespace, subject, record_key)
                DO UPDATE SET value = EXCLUDED.value, updated_at = now()""")) {
            upsert.setString(1, memory.namespace());
            upsert.setString(2, memory.subject());
            upsert.setString(3, memory.key());
            upsert.setString(4, memory.value().toString());
            upsert.executeUpdate();
        }
    }

    /** The newest records of a namespace and subject (not expired), at most {@code limit}. */
    public List<Memory> recall(String namespace, String subject, int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement("""
                SELECT namespace, subject, record_key, value::text FROM memories
                WHERE namespace = ? AND subject = ? AND (expires_at IS NULL OR expires_at > now())
                ORDER BY updated_at DESC LIMIT ?""")) {
            select.setString(1, namespace);
            select.setString(2, subject);
            select.setInt(3, limit);
            List<Memory> memories = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    memories.add(new Memory(rows.getString(1), rows.getString(2), rows.getString(3), JsonConventions.readObject(rows.getString(4))));
                }
            }
            return memories;
        }
    }

    public long count(String namespace, String subject) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT COUNT(*) FROM memories WHERE namespace = ? AND subject = ? AND (expires_at IS NULL OR expires_at > now())")) {
            select.setString(1, namespace);
            select.setString(2, subject);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Stores a CaseBank case; the same (state, action, agent) keeps one row with the better reward. */
    public void saveCase(Case learned) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO cases (case_id, agent_name, state, action, reward, metadata, embedding)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?)
                ON CONFLICT (case_id) DO UPDATE SET reward = GREATEST(cases.reward, EXCLUDED.reward),
                    metadata = EXCLUDED.metadata""")) {
            upsert.setString(1, learned.caseId());
            upsert.setString(2, learned.agentName());
            upsert.setString(3, learned.state());
            upsert.setString(4, learned.action());
            upsert.setDouble(5, learned.reward());
            upsert.setString(6, learned.metadata().toString());
            float[] vector = learned.embedding().vector();
            Float[] boxed = new Float[vector.length];
            for (int i = 0; i < vector.length; i++) {
                boxed[i] = vector[i];
            }
            Array embedding = connection.createArrayOf("float4", boxed);
            upsert.setArray(7, embedding);
            upsert.executeUpdate();
        }
    }

    /**
     * The agent's cases with at least {@code minReward}, best reward first (then newest), at most {@code limit}: the pool a
     * CaseBank retrieval ranks by similarity.
     */
    public List<Case> bestCases(String agent, double minReward, int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement("""
                SELECT case_id, agent_name, state, action, reward, metadata::text, embedding FROM cases
                WHERE agent_name = ? AND reward >= ? ORDER BY reward DESC, created_at DESC LIMIT ?""")) {
            select.setString(1, agent);
            select.setDouble(2, minReward);
            select.setInt(3, limit);
            List<Case> cases = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Object[] stored = (Object[]) rows.getArray(7).getArray();
                    float[] vector = new float[stored.length];
                    for (int i = 0; i < stored.length; i++) {
                        vector[i] = ((Number) stored[i]).floatValue();
                    }
                    cases.add(new Case(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getDouble(5),
                            JsonConventions.readObject(rows.getString(6)), new Embedding(vector)));
                }
            }
            return cases;
        }
    }

    public long casesOf(String agent) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM cases WHERE agent_name = ?")) {
            select.setString(1, agent);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    public void saveTrajectories(List<Trajectory> trajectories) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO trajectories (trajectory_id, agent_name, generation, operator, success_score, parent_ids,
                    reasoning_pattern, tools_used, code, strategy, failure_reasons)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?, ?::jsonb)
                ON CONFLICT (trajectory_id) DO NOTHING""")) {
            for (Trajectory t : trajectories) {
                insert.setString(1, t.trajectoryId());
                insert.setString(2, t.agentName());
                insert.setInt(3, t.generation());
                insert.setString(4, t.operator().name().toLowerCase(Locale.ROOT));
                insert.setDouble(5, t.successScore());
                insert.setString(6, JsonConventions.array(t.parentIds()).toString());
                insert.setString(7, t.reasoningPattern());
                insert.setString(8, JsonConventions.array(t.toolsUsed()).toString());
                insert.setString(9, t.code());
                insert.setString(10, t.strategy());
                insert.setString(11, JsonConventions.array(t.failureReasons()).toString());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** The stored trajectories of an agent, newest generations first, at most {@code limit}. */
    public List<Trajectory> trajectoriesOf(String agent, int limit) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement("""
                SELECT trajectory_id, agent_name, generation, operator, success_score, parent_ids::text, reasoning_pattern,
                    tools_used::text, code, strategy, failure_reasons::text
                FROM trajectories WHERE agent_name = ? ORDER BY generation DESC, created_at DESC LIMIT ?""")) {
            select.setString(1, agent);
            select.setInt(2, limit);
            List<Trajectory> trajectories = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    trajectories.add(new Trajectory(rows.getString(1), rows.getString(2), rows.getInt(3),
                            Operator.valueOf(rows.getString(4).toUpperCase(Locale.ROOT)), rows.getDouble(5),
                            JsonConventions.strings(JsonConventions.read(rows.getString(6))), rows.getString(7), JsonConventions.strings(JsonConventions.read(rows.getString(8))), rows.getString(9),
                            rows.getString(10), JsonConventions.strings(JsonConventions.read(rows.getString(11)))));
                }
            }
            return trajectories;
        }
    }



}
