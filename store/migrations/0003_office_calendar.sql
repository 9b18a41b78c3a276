-- 0003: the office calendar (a shared CalDAV collection).
--
-- The account names the collection and the user, never the password (it
-- lives in the system keyring). Each shared record has one resource: its
-- href, the ETag the server last gave it, and the copy both sides last
-- agreed on (base, the record's fields as JSON): the ancestor of the
-- three-way merge. A conflict keeps the value that lost, so that no edit is
-- lost without a trace.

CREATE TABLE sync_account (
    id           INTEGER PRIMARY KEY CHECK (id = 1),
    url          TEXT NOT NULL,
    user_name    TEXT NOT NULL,
    display_name TEXT NOT NULL DEFAULT '',
    sync_token   TEXT NOT NULL DEFAULT '',
    -- Local changes made after this instant are looked at by the next sync.
    mark         TEXT NOT NULL DEFAULT '',
    last_sync    TEXT NOT NULL DEFAULT '',
    last_error   TEXT NOT NULL DEFAULT '',
    modified     TEXT NOT NULL
);

CREATE TABLE sync_resources (
    uid      TEXT PRIMARY KEY,
    kind     TEXT NOT NULL CHECK (kind IN ('meeting', 'series')),
    href     TEXT NOT NULL,
    etag     TEXT NOT NULL DEFAULT '',
    base     TEXT NOT NULL,
    deleted  INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    modified TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX sync_resources_href ON sync_resources (href);

CREATE TABLE sync_conflicts (
    id         INTEGER PRIMARY KEY,
    uid        TEXT NOT NULL,
    kind       TEXT NOT NULL,
    title      TEXT NOT NULL DEFAULT '',
    field      TEXT NOT NULL,
    kept       TEXT NOT NULL,
    set_aside  TEXT NOT NULL,
    kept_side  TEXT NOT NULL CHECK (kept_side IN ('mine', 'theirs')),
    kept_at    TEXT NOT NULL DEFAULT '',
    aside_at   TEXT NOT NULL DEFAULT '',
    aside_by   TEXT NOT NULL DEFAULT '',
    created    TEXT NOT NULL,
    resolved   TEXT NOT NULL DEFAULT '',
    resolution TEXT NOT NULL DEFAULT ''
);
CREATE INDEX sync_conflicts_open ON sync_conflicts (uid, field) WHERE resolved = '';
