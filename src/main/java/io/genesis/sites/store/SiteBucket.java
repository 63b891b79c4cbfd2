package io.genesis.sites.store;

import io.genesis.objectstore.ObjectStoreUnavailable;
import io.genesis.objectstore.S3Bucket;
import io.genesis.sites.SiteFile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Where new site versions keep their bytes, by {@value #STORAGE_KEY}: {@code postgres} (the default: in
 * {@code site_files}, nothing to install) or {@code s3} (objects in an S3-compatible bucket under
 * {@code <genesis.sites.s3.key-prefix><slug>/<version>/<path>}, the rest in PostgreSQL). Credentials come from
 * configuration ({@code GENESIS_SITES_S3_ACCESS_KEY} / {@code GENESIS_SITES_S3_SECRET_KEY}) and are never logged. A
 * setting that is wrong makes every deploy attempt fail with a message naming the key (nothing else is affected), and
 * is logged once at start; so is a bucket that cannot be reached. With {@code postgres} the bucket is still used, when
 * configured, to serve versions an earlier {@code s3} setting stored there.
 */
@ApplicationScoped
public class SiteBucket {

    public static final String STORAGE_KEY = "genesis.sites.storage";
    public static final String POSTGRES = "postgres";
    public static final String S3 = "s3";
    private static final Pattern KEY_PREFIX = Pattern.compile("([a-z0-9][a-z0-9._-]*/)*");
    private static final Logger LOG = Logger.getLogger(SiteBucket.class.getName());

    private boolean inBucket;
    private S3Bucket bucket;
    private String keyPrefix;
    private String misconfigured;

    SiteBucket() {
    }

    @Inject
    public SiteBucket(@ConfigProperty(name = STORAGE_KEY) String storage,
                      @ConfigProperty(name = "genesis.sites.s3.endpoint") String endpoint,
                      @ConfigProperty(name = "genesis.sites.s3.region") String region,
                      @ConfigProperty(name = "genesis.sites.s3.bucket") String bucketName,
                      @ConfigProperty(name = "genesis.sites.s3.path-style") boolean pathStyle,
                      @ConfigProperty(name = "genesis.sites.s3.key-prefix") String keyPrefix,
                      @ConfigProperty(name = "genesis.sites.s3.access-key") Optional<String> accessKey,
                      @ConfigProperty(name = "genesis.sites.s3.secret-key") Optional<String> secretKey,
                      @ConfigProperty(name = "genesis.sites.s3.timeout-ms") long timeoutMs) {
        String mode = storage.strip().toLowerCase(Locale.ROOT);
        this.inBucket = !mode.equals(POSTGRES);
        try {
            if (inBucket && !mode.equals(S3)) {
                throw new IllegalArgumentException(STORAGE_KEY + " is postgres or s3; got " + storage);
            }
            if (accessKey.isEmpty() || secretKey.isEmpty()) {
                throw new IllegalArgumentException("genesis.sites.s3.access-key and genesis.sites.s3.secret-key (env"
                        + " GENESIS_SITES_S3_ACCESS_KEY, GENESIS_SITES_S3_SECRET_KEY) are not set");
            }
            if (!KEY_PREFIX.matcher(keyPrefix.strip()).matches()) {
                throw new IllegalArgumentException("genesis.sites.s3.key-prefix is lower-case path segments each ending with /"
                        + " (e.g. sites/); got " + keyPrefix);
            }
            if (timeoutMs <= 0) {
                throw new IllegalArgumentException("genesis.sites.s3.timeout-ms must be positive; got " + timeoutMs);
            }
            this.keyPrefix = keyPrefix.strip();
            this.bucket = new S3Bucket(new S3Bucket.Location(URI.create(endpoint.strip()), region.strip(), bucketName.strip(), pathStyle),
                    accessKey.get(), secretKey.get(), Duration.ofMillis(timeoutMs), Clock.systemUTC());
        } catch (IllegalArgumentException e) {
            this.misconfigured = "site storage misconfigured: " + e.getMessage();
        }
    }

    /** Says at start where new versions go; a wrong setting or an unreachable bucket is a SEVERE or WARNING line. */
    void report(@Observes @Initialized(ApplicationScoped.class) Object event) {
        if (!inBucket) {
            return;
        }
        if (misconfigured != null) {
            LOG.severe(misconfigured + "; every deploy will fail until it is fixed");
            return;
        }
        String where = "s3://" + bucket.location().bucket() + "/" + keyPrefix + " at " + bucket.location().endpoint();
        try {
            if (bucket.reachable()) {
                LOG.info("New site versions are stored in " + where);
            } else {
                LOG.warning("Site bucket " + where + " does not exist or these credentials may not use it: deploys will fail");
            }
        } catch (ObjectStoreUnavailable e) {
            LOG.log(Level.WARNING, "Site bucket " + where + " cannot be reached now: " + e.getMessage());
        }
    }

    /** Whether new versions keep their bytes in the bucket; {@link IllegalStateException} when the setting is wrong. */
    boolean inBucket() {
        if (inBucket && misconfigured != null) {
            throw new IllegalStateException(misconfigured);
        }
        return inBucket;
    }

    /** The object key of a file of a version. */
    String key(String slug, int version, String path) {
        return keyPrefix + slug + "/" + version + "/" + path;
    }

    void put(String key, SiteFile file) {
        usable().put(key, file.contentType(), file.body());
    }

    /** The bytes of an object written by {@link #put}, checked against the ETag recorded with it. */
    byte[] read(String key, String etag) {
        byte[] body = usable().get(key).orElseThrow(() -> new ObjectStoreUnavailable("object " + key + " of a live site is missing"));
        if (!SiteFile.etag(body).equals(etag)) {
            throw new ObjectStoreUnavailable("object " + key + " does not hold the bytes that were stored (ETag " + etag + ")");
        }
        return body;
    }

    private S3Bucket usable() {
        if (bucket == null) {
            throw new ObjectStoreUnavailable("a site version is stored in S3 but the bucket is not usable here: " + misconfigured);
        }
        return bucket;
    }
}
