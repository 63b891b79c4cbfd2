package io.genesis.evolution;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CaseBankTest {

    private final CaseBank bank = new CaseBank();

    @Test
    void caseIdIsTheFirstSixteenHexOfSha256OfStateActionAgent() {
        // python: hashlib.sha256(b"build failed: missing STRIPE key|retry with backoff|builder_agent").hexdigest()[:16]
        assertEquals("2c65f72f9ae1c028", CaseBank.caseId("build failed: missing STRIPE key", "retry with backoff", "builder_agent"));
    }

    @Test
    void credentialsAreRedactedBeforeTheIdIsTaken() {
        Case first = bank.newCase("builder_agent", "build failed: api_key=abc123secret", "retry with backoff", 0.9,
                Json.createObjectBuilder().add("note", "used sk_test_1234567890abcdef").build());
        Case second = bank.newCase("builder_agent", "build failed: api_key=zzz999other", "retry with backoff", 0.9, null);
        assertEquals("build failed: api_key=[REDACTED]", first.state());
        assertEquals("used [REDACTED]", first.metadata().getString("note"));
        // python: hashlib.sha256(b"build failed: api_key=[REDACTED]|retry with backoff|builder_agent").hexdigest()[:16]
        assertEquals("ffffccd36aa54f4a", first.caseId());
        assertEquals(first.caseId(), second.caseId(), "the same case whatever the secret was");
    }

    @Test
    void embeddingIsUnitLengthOverTheFirstFiftyWords() {
        Embedding embedding = bank.embed("Deploy failed because the Vercel token expired");
        assertEquals(CaseBank.DIMENSIONS, embedding.dimensions());
        double norm = 0;
        for (float value : embedding.vector()) {
            norm += value * value;
        }
        assertEquals(1.0, norm, 1e-6);
        String fifty = "word ".repeat(25) + "other ".repeat(25);
        assertEquals(bank.embed(fifty), bank.embed(fifty + "ignored beyond the fiftieth word"));
    }

    @Test
    void similarityOfTextsSharingHalfTheirWords() {
        // two words, three buckets each: one shared word is 3 of 6 unit entries, cosine 3 / (sqrt 6 * sqrt 6)
        assertEquals(0.5, bank.similarity("alpha beta", "alpha gamma"), 1e-6);
        assertEquals(1.0, bank.similarity("Alpha, BETA!", "alpha beta"), 1e-6);
        assertEquals(0.0, bank.similarity("", "alpha"));
    }

    @Test
    void rankingFiltersByRewardAndSimilarityThenOrdersBySimilarityTimesReward() {
        String situation = "checkout build failed because the stripe webhook secret was missing";
        Case strong = bank.newCase("builder_agent", situation, "load secrets from the vault", 0.9, null);
        Case weaker = bank.newCase("builder_agent", situation, "add a retry", 0.7, null);
        Case lowReward = bank.newCase("builder_agent", situation, "ignore the error", 0.5, null);
        Case unrelated = bank.newCase("builder_agent", "seo keywords were too generic for the blog", "use long-tail keywords", 1.0, null);

        List<RankedCase> ranked = bank.rank(situation, List.of(weaker, lowReward, unrelated, strong));
        assertEquals(List.of(strong, weaker), ranked.stream().map(RankedCase::matched).toList());
        assertEquals(1.0, ranked.get(0).similarity(), 1e-6);
        assertEquals(0.9, ranked.get(0).score(), 1e-6);
        assertEquals(List.of(strong), bank.rank(situation, List.of(weaker, strong), 1, 0.6, 0.8).stream().map(RankedCase::matched).toList());
        assertTrue(bank.rank("completely different words here", List.of(strong)).isEmpty(), "below similarity .8");
    }
}
