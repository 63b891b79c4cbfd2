-- Genesis schema, version 10: the websites Genesis builds and serves itself (docs/sites.md).
-- A business's deploy task stages a version of its site (every file of it, in one transaction); the version goes live
-- in the same transaction that moves the business to SUCCESS, and is discarded when the business ends FAILED or
-- BLOCKED, so a failed business never leaves a half-published site. Waitlist sign-ups of a live site are kept here.

CREATE TABLE sites (
    slug          VARCHAR(64)   NOT NULL PRIMARY KEY,
    business_id   VARCHAR(64)   NOT NULL UNIQUE REFERENCES businesses (business_id),
    tenant_id     VARCHAR(100)  NOT NULL,
    live_version  INTEGER,
    created_at    TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT sites_slug_ck CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,63}$')
);

COMMENT ON TABLE sites IS 'One website per business, served at /sites/{slug}/ on Genesis''s own host.';
COMMENT ON COLUMN sites.slug IS 'The site''s path segment: the business name in lower-case words joined by dashes, then 8 hex characters of the business id; unique across all tenants.';
COMMENT ON COLUMN sites.business_id IS 'The business this site presents.';
COMMENT ON COLUMN sites.tenant_id IS 'Tenant of the business: only it (and operators) may read the site''s waitlist through the API.';
COMMENT ON COLUMN sites.live_version IS 'The version served at /sites/{slug}/, null until the business reaches SUCCESS (then nothing is served).';
COMMENT ON COLUMN sites.created_at IS 'When the first version was staged.';
COMMENT ON COLUMN sites.updated_at IS 'Last change of the row (a version staged or gone live).';

CREATE TABLE site_versions (
    slug            VARCHAR(64)   NOT NULL REFERENCES sites (slug),
    version         INTEGER       NOT NULL,
    state           VARCHAR(16)   NOT NULL,
    deploy_task_id  VARCHAR(128)  NOT NULL,
    attempt         INTEGER       NOT NULL,
    file_count      INTEGER       NOT NULL,
    total_bytes     BIGINT        NOT NULL,
    staged_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    settled_at      TIMESTAMPTZ,
    PRIMARY KEY (slug, version),
    CONSTRAINT site_versions_state_ck CHECK (state IN ('staged', 'live', 'superseded', 'discarded')),
    CONSTRAINT site_versions_version_ck CHECK (version >= 1),
    CONSTRAINT site_versions_attempt_uq UNIQUE (slug, deploy_task_id, attempt)
);

COMMENT ON TABLE site_versions IS 'Each publication of a site: one per deploy attempt, numbered from 1; at most one is live.';
COMMENT ON COLUMN site_versions.slug IS 'The site.';
COMMENT ON COLUMN site_versions.version IS 'Version number within the site, 1 for the first deploy attempt, one more for each later one.';
COMMENT ON COLUMN site_versions.state IS 'staged (written, not served), live (served), superseded (was live or staged when a later version went live), discarded (its business ended FAILED or BLOCKED).';
COMMENT ON COLUMN site_versions.deploy_task_id IS 'Runtime task id of the deploy task that staged this version.';
COMMENT ON COLUMN site_versions.attempt IS 'Attempt number of that deploy task (a retried deploy stages a new version).';
COMMENT ON COLUMN site_versions.file_count IS 'Number of files of the version (rows of site_files).';
COMMENT ON COLUMN site_versions.total_bytes IS 'Sum of the sizes of the version''s files in bytes.';
COMMENT ON COLUMN site_versions.staged_at IS 'When the deploy task stored the version.';
COMMENT ON COLUMN site_versions.settled_at IS 'When the version went live, was superseded or was discarded.';

CREATE TABLE site_files (
    slug          VARCHAR(64)   NOT NULL,
    version       INTEGER       NOT NULL,
    path          VARCHAR(200)  NOT NULL,
    content_type  VARCHAR(100)  NOT NULL,
    body          BYTEA         NOT NULL,
    etag          VARCHAR(80)   NOT NULL,
    PRIMARY KEY (slug, version, path),
    FOREIGN KEY (slug, version) REFERENCES site_versions (slug, version)
);

COMMENT ON TABLE site_files IS 'The files of a site version, exactly as served.';
COMMENT ON COLUMN site_files.slug IS 'The site.';
COMMENT ON COLUMN site_files.version IS 'The version the file belongs to.';
COMMENT ON COLUMN site_files.path IS 'Path below /sites/{slug}/, e.g. index.html, pricing.html, articles/{article}.html, sitemap.xml.';
COMMENT ON COLUMN site_files.content_type IS 'Content-Type header the file is served with (text/html; charset=utf-8, text/css, application/xml, text/plain).';
COMMENT ON COLUMN site_files.body IS 'The file''s bytes (UTF-8 text for every file Genesis generates).';
COMMENT ON COLUMN site_files.etag IS 'Strong ETag served with the file: a quoted prefix of the SHA-256 of its bytes.';

CREATE TABLE waitlist_signups (
    id          BIGSERIAL     PRIMARY KEY,
    slug        VARCHAR(64)   NOT NULL REFERENCES sites (slug),
    email       VARCHAR(254)  NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT waitlist_signups_slug_email_uq UNIQUE (slug, email)
);

COMMENT ON TABLE waitlist_signups IS 'A visitor who joined the waitlist of a live site through its form; one row per site and address.';
COMMENT ON COLUMN waitlist_signups.id IS 'Surrogate key, in order of sign-up.';
COMMENT ON COLUMN waitlist_signups.slug IS 'The site whose form was used (and through it the business and tenant).';
COMMENT ON COLUMN waitlist_signups.email IS 'The address as validated: trimmed, lower case, at most 254 characters, one @, a dotted domain, no markup characters.';
COMMENT ON COLUMN waitlist_signups.created_at IS 'When the visitor signed up (a repeated sign-up keeps the first time).';

-- the owner lists a site's sign-ups newest first
CREATE INDEX waitlist_signups_slug_created_idx ON waitlist_signups (slug, created_at DESC, id DESC);
