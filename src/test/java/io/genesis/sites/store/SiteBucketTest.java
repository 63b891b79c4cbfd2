package io.genesis.sites.store;

import io.genesis.objectstore.ObjectStoreUnavailable;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The storage setting: postgres needs nothing, s3 needs its keys, and a wrong setting is named when a deploy stages. */
class SiteBucketTest {

    private static SiteBucket bucket(String storage, String endpoint, String prefix, Optional<String> access, Optional<String> secret) {
        return new SiteBucket(storage, endpoint, "us-east-1", "genesis-sites", true, prefix, access, secret, 5000);
    }

    private static SiteBucket s3(String endpoint, String prefix) {
        return bucket("s3", endpoint, prefix, Optional.of("access"), Optional.of("secret"));
    }

    @Test
    void postgresIsTheDefaultAndNeedsNoKeys() {
        SiteBucket postgres = bucket("postgres", "http://localhost:9000", "sites/", Optional.empty(), Optional.empty());
        assertFalse(postgres.inBucket());
        ObjectStoreUnavailable unreadable = assertThrows(ObjectStoreUnavailable.class, () -> postgres.read("sites/a-1/1/index.html", "\"x\""));
        assertTrue(unreadable.getMessage().contains("GENESIS_SITES_S3_ACCESS_KEY"), unreadable.getMessage());
    }

    @Test
    void s3PutsEveryFileUnderItsVersionPrefix() {
        SiteBucket s3 = s3("http://127.0.0.1:9000", "sites/");
        assertTrue(s3.inBucket());
        assertEquals("sites/inbox-pilot-3f2a9c1d/2/articles/launch.html", s3.key("inbox-pilot-3f2a9c1d", 2, "articles/launch.html"));
        assertEquals("tenant-a/sites/x-1/1/index.html", s3("https://s3.eu-west-1.amazonaws.com", "tenant-a/sites/").key("x-1", 1, "index.html"));
    }

    @Test
    void aWrongSettingFailsEveryStagingWithAMessageNamingTheKey() {
        assertMessage(bucket("s4", "http://localhost:9000", "sites/", Optional.of("a"), Optional.of("s")), "genesis.sites.storage");
        assertMessage(bucket("s3", "http://localhost:9000", "sites/", Optional.empty(), Optional.of("s")), "GENESIS_SITES_S3_ACCESS_KEY");
        assertMessage(s3("http://localhost:9000/some/path", "sites/"), "endpoint");
        assertMessage(s3("ftp://localhost", "sites/"), "endpoint");
        assertMessage(s3("http://localhost:9000", "Sites"), "genesis.sites.s3.key-prefix");
        assertMessage(new SiteBucket("s3", "http://localhost:9000", "us-east-1", "No_Such_Bucket", true, "sites/",
                Optional.of("a"), Optional.of("s"), 5000), "bucket");
    }

    private static void assertMessage(SiteBucket bucket, String named) {
        IllegalStateException refused = assertThrows(IllegalStateException.class, bucket::inBucket);
        assertTrue(refused.getMessage().contains(named), refused.getMessage());
        assertFalse(refused.getMessage().contains("secret-value"), refused.getMessage());
    }
}
