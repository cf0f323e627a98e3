-- history-v2.sqlite: history-v1.sqlite brought to schema 2 exactly as SyncDeck's schema-2
-- migration did (its statements, verbatim), plus the resource names of one endpoint, so that
-- the schema-3 migration is tested from a real schema-2 file.
--   cp history-v1.sqlite history-v2.sqlite && sqlite3 history-v2.sqlite < make-history-v2.sql
BEGIN;
CREATE TABLE applications (endpoint INTEGER NOT NULL, application_id TEXT NOT NULL, position INTEGER NOT NULL, display_name TEXT, status TEXT, identity_type TEXT, created_ms INTEGER, updated_ms INTEGER, PRIMARY KEY (endpoint, application_id)) WITHOUT ROWID;
CREATE TABLE indices (endpoint INTEGER NOT NULL, application_id TEXT NOT NULL, index_id TEXT NOT NULL, position INTEGER NOT NULL, display_name TEXT, status TEXT, created_ms INTEGER, updated_ms INTEGER, PRIMARY KEY (endpoint, application_id, index_id)) WITHOUT ROWID;
CREATE TABLE data_sources (endpoint INTEGER NOT NULL, application_id TEXT NOT NULL, index_id TEXT NOT NULL, data_source_id TEXT NOT NULL, position INTEGER NOT NULL, display_name TEXT, type TEXT, status TEXT, created_ms INTEGER, updated_ms INTEGER, PRIMARY KEY (endpoint, application_id, index_id, data_source_id)) WITHOUT ROWID;
CREATE TABLE resource_listings (endpoint INTEGER NOT NULL, parent TEXT NOT NULL, listed_ms INTEGER NOT NULL, PRIMARY KEY (endpoint, parent)) WITHOUT ROWID;
-- The fixture's endpoint (http://127.0.0.1:4566) is endpoints.id 1.
INSERT INTO applications VALUES (1, 'a1111111-1111-4111-8111-111111111111', 0, 'HR portal', 'ACTIVE', 'AWS_IAM_IDC', 1764300000000, 1764320000000);
INSERT INTO indices VALUES (1, 'a1111111-1111-4111-8111-111111111111', 'i2222222-2222-4222-8222-222222222222', 0, 'Main index', 'ACTIVE', 1764300000000, NULL);
INSERT INTO data_sources VALUES (1, 'a1111111-1111-4111-8111-111111111111', 'i2222222-2222-4222-8222-222222222222', 'd3333333-3333-4333-8333-333333333333', 0, 'Policies (S3)', 'S3', 'ACTIVE', NULL, NULL);
INSERT INTO data_sources VALUES (1, 'a1111111-1111-4111-8111-111111111111', 'i2222222-2222-4222-8222-222222222222', 'd4444444-4444-4444-8444-444444444444', 1, 'Wiki', 'CONFLUENCE', 'FAILED', NULL, NULL);
INSERT INTO resource_listings VALUES (1, '', 1764322200000);
INSERT INTO resource_listings VALUES (1, 'a1111111-1111-4111-8111-111111111111', 1764322200000);
INSERT INTO resource_listings VALUES (1, 'a1111111-1111-4111-8111-111111111111/i2222222-2222-4222-8222-222222222222', 1764322200000);
PRAGMA user_version = 2;
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
