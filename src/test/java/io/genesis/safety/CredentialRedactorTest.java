package io.genesis.safety;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CredentialRedactorTest {

    @Test
    void providerKeysTokensAndPasswordsAreMasked() {
        // every secret below is fake and test-only; the AWS one is AWS's documented example key id, split so that
        // secret scanners do not flag the repository

        assertEquals("stripe key [REDACTED] failed", CredentialRedactor.redact("stripe key sk_live_51Habcdefghijklmnop failed"));
        assertEquals("Authorization: [REDACTED]", CredentialRedactor.redact("Authorization: Bearer abcdefghijklmnopqrstuvwxyz"));
        assertEquals("password=[REDACTED] user=ann", CredentialRedactor.redact("password=hunter22 user=ann"));
        assertEquals("{\"api_key\": \"[REDACTED]\"}", CredentialRedactor.redact("{\"api_key\": \"abc123def456\"}"));
        assertEquals("postgres://genesis:[REDACTED]@db:5432/genesis",
                CredentialRedactor.redact("postgres://genesis:s3cret-pw@db:5432/genesis"));
        assertEquals("aws [REDACTED]", CredentialRedactor.redact("aws " + "AKIA" + "IOSFODNN7EXAMPLE"));
        assertEquals("github [REDACTED]", CredentialRedactor.redact("github ghp_abcdefghijklmnopqrstuvwxyz0123"));
    }

    @Test
    void everyKindOfSecretIsFoundWhateverItsCase() {
        // fake, test-only values, assembled from pieces so that secret scanners do not flag the repository
        String[] secrets = {
                "-----BEGIN RSA " + "PRIVATE KEY-----\nMIIEfake\n-----END RSA " + "PRIVATE KEY-----",
                "sk-" + "proj-abcdefghijklmnopqrstuv",
                "xox" + "b-1234567890-abcdef",
                "AI" + "za" + "A".repeat(35),
                "ey" + "JhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJlMTIz",
                "gh" + "s_abcdefghijklmnopqrstuvwxyz",
                "BEARER " + "abcdefghijklmnopqrstuvwxyz",
                "PASSWORD: " + "Hunter2024"};
        for (String secret : secrets) {
            String text = "before " + secret + " after";
            assertTrue(CredentialRedactor.containsCredential(text), secret);
            assertTrue(CredentialRedactor.redact(text).contains(CredentialRedactor.MASK), secret);
        }
    }

    @Test
    void ordinaryTextStays() {
        String text = "max_tokens=4096, retry the deploy of https://shop.vercel.app with 3 attempts";
        assertEquals(text, CredentialRedactor.redact(text));
        assertFalse(CredentialRedactor.containsCredential(text));
        assertTrue(CredentialRedactor.containsCredential("token: ya29abcdefgh"));
    }
}
