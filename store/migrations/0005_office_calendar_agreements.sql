-- 0005: the office calendar shares agreements too (parties, areas,
-- interests, lead time, entry into force, amendments, termination), so
-- sync_resources takes the kind 'agreement'. SQLite cannot change a CHECK
-- constraint in place: the table is made again.

CREATE TABLE sync_resources_new (
    uid      TEXT PRIMARY KEY,
    kind     TEXT NOT NULL CHECK (kind IN ('meeting', 'series', 'organization', 'agreement')),
    href     TEXT NOT NULL,
    etag     TEXT NOT NULL DEFAULT '',
    base     TEXT NOT NULL,
    deleted  INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    modified TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO sync_resources_new SELECT uid, kind, href, etag, base, deleted, modified FROM sync_resources;
DROP TABLE sync_resources;
ALTER TABLE sync_resources_new RENAME TO sync_resources;
CREATE INDEX sync_resources_href ON sync_resources (href);
