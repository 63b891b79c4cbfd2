-- Genesis schema, version 14: a site's files may live in an S3-compatible object store (docs/sites.md, "Storage").
-- With genesis.sites.storage=s3 the bytes of each file are an object in the bucket under <prefix><slug>/<version>/<path>,
-- written before the version's rows; site_files keeps the manifest (path, content type, ETag, object key) and
-- site_versions the state, so the live switch stays one PostgreSQL transaction with the business's SUCCESS. Versions
-- staged in PostgreSQL keep their bytes in site_files.body, whatever the setting says later.

ALTER TABLE site_versions
    ADD COLUMN storage VARCHAR(16) NOT NULL DEFAULT 'postgres',
    ADD CONSTRAINT site_versions_storage_ck CHECK (storage IN ('postgres', 's3'));

COMMENT ON COLUMN site_versions.storage IS 'Where the bytes of the version''s files are: postgres (site_files.body) or s3 (objects named by site_files.object_key in the bucket of genesis.sites.s3.bucket).';

ALTER TABLE site_files
    ALTER COLUMN body DROP NOT NULL,
    ADD COLUMN object_key VARCHAR(400),
    ADD CONSTRAINT site_files_bytes_ck CHECK ((body IS NULL) <> (object_key IS NULL));

COMMENT ON COLUMN site_files.body IS 'The file''s bytes when its version is stored in PostgreSQL (UTF-8 text for every file Genesis generates); null when they are an object in the bucket.';
COMMENT ON COLUMN site_files.object_key IS 'Key of the object holding the file''s bytes when its version is stored in S3 (<prefix><slug>/<version>/<path>); null when body holds them.';
