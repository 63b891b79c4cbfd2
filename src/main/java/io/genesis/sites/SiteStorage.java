package io.genesis.sites;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: where site versions, their files and waitlist sign-ups are kept (PostgreSQL, the files' bytes optionally in an
 * S3-compatible bucket: {@code sites.store}). A version is stored whole or not at all; only the live version's files
 * are ever read for visitors.
 */
public interface SiteStorage {

    /** Who stages a version: the site, its business and tenant, and the deploy attempt. */
    record Staging(String slug, String businessId, String tenantId, String deployTaskId, int attempt) {
    }

    /** What a sign-up did. */
    enum SignUp { ADDED, ALREADY_LISTED, NO_SITE }

    /** A business's site: its slug, live version (null before its business succeeded) and sign-up count. */
    record SiteSummary(String slug, Integer liveVersion, long signUps) {
    }

    /** One waitlist sign-up as its owner sees it. */
    record SignUpRow(String email, Instant createdAt) {
    }

    /** One version of a site; {@code storage} says where its files' bytes are ({@code postgres} or {@code s3}). */
    record VersionRow(int version, String state, String deployTaskId, int attempt, int fileCount, long totalBytes,
                      Instant stagedAt, Instant settledAt, String storage) {
    }

    /** Stores every file of a new staged version in one transaction; the version number (the earlier one for a repeated attempt). */
    int stage(Staging staging, List<SiteFile> files);

    Optional<SiteFile> liveFile(String slug, String path);

    SignUp signUp(String slug, String email);

    long signUpCount(String businessId);

    /** The business's site if it has one and belongs to {@code tenant} (empty: any tenant). */
    Optional<SiteSummary> site(String businessId, Optional<String> tenant);

    /** Sign-ups of a site, newest first. */
    List<SignUpRow> signUps(String slug, int limit, int offset);

    List<VersionRow> versions(String slug);
}
