package io.genesis.evolution;

import io.genesis.api.JsonConventions;
import io.genesis.safety.CredentialRedactor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The pure parts of the Genesis CaseBank ({@code infrastructure/casebank.py}, Memento arXiv 2508.16153): building
 * cases, embedding, similarity and retrieval ranking. Storage belongs to whoever persists {@link Case} rows.
 *
 * <ul>
 * <li>{@code caseId = sha256(state + "|" + action + "|" + agent)}, first 16 hex characters, over the redacted text.</li>
 * <li>Credentials are redacted from state, action and metadata strings before anything else.</li>
 * <li>Embedding: the code's fallback, a hashed bag of words (its TEI model is not available here): the first 50
 * words (lower case, letters and digits), each added to 3 of 384 buckets chosen by SHA-256 of {@code "i:word"},
 * then L2-normalised.</li>
 * <li>Retrieval: cases with reward >= .6 and cosine similarity >= .8 to the query, best {@code similarity * reward}
 * first (then case id), at most 4.</li>
 * </ul>
 */
@ApplicationScoped
public class CaseBank {

    public static final int DIMENSIONS = 384;
    public static final int EMBEDDED_WORDS = 50;
    public static final int HASHES_PER_WORD = 3;
    public static final int CASE_ID_LENGTH = 16;
    public static final int DEFAULT_K = 4;
    public static final double DEFAULT_MIN_REWARD = 0.6;
    public static final double DEFAULT_MIN_SIMILARITY = 0.8;

    /** A case with credentials redacted, its id and the embedding of its state. */
    public Case newCase(String agent, String state, String action, double reward, JsonObject metadata) {
        String cleanState = CredentialRedactor.redact(state);
        String cleanAction = CredentialRedactor.redact(action);
        JsonObject cleanMetadata = metadata == null ? JsonValue.EMPTY_JSON_OBJECT : redact(metadata).asJsonObject();
        return new Case(caseId(cleanState, cleanAction, agent), agent, cleanState, cleanAction, reward, cleanMetadata,
                embed(cleanState));
    }

    public static String caseId(String state, String action, String agent) {
        return sha256Hex(state + "|" + action + "|" + agent).substring(0, CASE_ID_LENGTH);
    }

    public Embedding embed(String text) {
        float[] vector = new float[DIMENSIONS];
        String[] words = text == null ? new String[0] : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
        Arrays.stream(words).filter(word -> !word.isEmpty()).limit(EMBEDDED_WORDS).forEach(word -> {
            for (int i = 0; i < HASHES_PER_WORD; i++) {
                byte[] hash = sha256(i + ":" + word);
                long bucket = Integer.toUnsignedLong((hash[0] & 0xff) << 24 | (hash[1] & 0xff) << 16 | (hash[2] & 0xff) << 8
                        | (hash[3] & 0xff)) % DIMENSIONS;
                vector[(int) bucket] += 1f;
            }
        });
        double norm = 0;
        for (float value : vector) {
            norm += value * value;
        }
        if (norm > 0) {
            float scale = (float) (1 / Math.sqrt(norm));
            for (int i = 0; i < vector.length; i++) {
                vector[i] *= scale;
            }
        }
        return new Embedding(vector);
    }

    /** Cosine similarity of the two texts' embeddings. */
    public double similarity(String a, String b) {
        return embed(a).cosine(embed(b));
    }

    /** {@link #rank(String, Collection, int, double, double)} with the code's defaults (4, .6, .8). */
    public List<RankedCase> rank(String query, Collection<Case> cases) {
        return rank(query, cases, DEFAULT_K, DEFAULT_MIN_REWARD, DEFAULT_MIN_SIMILARITY);
    }

    /** The cases most worth reusing for {@code query}: similar enough, rewarded enough, best similarity * reward first. */
    public List<RankedCase> rank(String query, Collection<Case> cases, int k, double minReward, double minSimilarity) {
        Embedding wanted = embed(CredentialRedactor.redact(query));
        return cases.stream()
                .filter(candidate -> candidate.reward() >= minReward)
                .map(candidate -> {
                    double similarity = wanted.cosine(candidate.embedding());
                    return new RankedCase(candidate, similarity, similarity * candidate.reward());
                })
                .filter(ranked -> ranked.similarity() >= minSimilarity)
                .sorted(Comparator.comparingDouble(RankedCase::score).reversed()
                        .thenComparing(ranked -> ranked.matched().caseId()))
                .limit(Math.max(0, k))
                .toList();
    }

    private static JsonValue redact(JsonValue value) {
        return switch (value.getValueType()) {
            case STRING -> JsonConventions.json().createValue(CredentialRedactor.redact(((JsonString) value).getString()));
            case OBJECT -> {
                JsonObjectBuilder object = JsonConventions.json().createObjectBuilder();
                value.asJsonObject().forEach((key, child) -> object.add(key, redact(child)));
                yield object.build();
            }
            case ARRAY -> {
                JsonArrayBuilder array = JsonConventions.json().createArrayBuilder();
                value.asJsonArray().forEach(child -> array.add(redact(child)));
                yield array.build();
            }
            default -> value;
        };
    }

    /** Lower-case hex SHA-256 of the UTF-8 text. */
    static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256(text));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
