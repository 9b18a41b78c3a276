-- 0001: the whole schema of Liaison's first release.
--
-- Conventions: instants are TEXT in RFC 3339 UTC with nanoseconds
-- ('' when unset); calendar days are TEXT 'YYYY-MM-DD' ('' when unset);
-- booleans are INTEGER 0/1. Every meeting, series and invitation has a
-- stable uid, a version counter, a modified instant and a tombstone
-- (deleted_at) so that a later CalDAV sync can see deletions.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;

-- The longest meeting ever stored, in seconds: a bound that lets range
-- queries on overlapping meetings use the start index. It only grows.
INSERT INTO meta (key, value) VALUES ('max_meeting_seconds', 0);

CREATE TABLE organizations (
    id          INTEGER PRIMARY KEY,
    acronym     TEXT NOT NULL COLLATE NOCASE UNIQUE,
    name        TEXT NOT NULL,
    zone        TEXT NOT NULL,
    mail_domain TEXT NOT NULL DEFAULT '',
    us          INTEGER NOT NULL DEFAULT 0 CHECK (us IN (0, 1)),
    modified    TEXT NOT NULL
);
-- Exactly one organization is "us".
CREATE UNIQUE INDEX organizations_us ON organizations (us) WHERE us = 1;

CREATE TABLE agreements (
    id                         INTEGER PRIMARY KEY,
    uid                        TEXT NOT NULL UNIQUE,
    key                        TEXT NOT NULL UNIQUE,
    title                      TEXT NOT NULL,
    short_name                 TEXT NOT NULL DEFAULT '',
    signed_on                  TEXT NOT NULL DEFAULT '',
    signed_at                  TEXT NOT NULL DEFAULT '',
    in_force_from              TEXT NOT NULL DEFAULT '',
    in_force_condition         TEXT NOT NULL DEFAULT '',
    condition_met_on           TEXT NOT NULL DEFAULT '',
    condition_failed           INTEGER NOT NULL DEFAULT 0,
    -- Art. 12.3: the notice period, and the notice once given.
    termination_notice_months  INTEGER NOT NULL DEFAULT 6,
    termination_given_by       INTEGER REFERENCES organizations (id),
    termination_notice_on      TEXT NOT NULL DEFAULT '',
    confidentiality_notice     TEXT NOT NULL DEFAULT '',
    confidentiality_article    TEXT NOT NULL DEFAULT '',
    lead_time_days             INTEGER NOT NULL DEFAULT 0,
    consultation_interval_days INTEGER NOT NULL DEFAULT 0,
    consultation_article       TEXT NOT NULL DEFAULT '',
    focal_point_article        TEXT NOT NULL DEFAULT '',
    entry_into_force_article   TEXT NOT NULL DEFAULT '',
    termination_article        TEXT NOT NULL DEFAULT '',
    version                    INTEGER NOT NULL DEFAULT 1,
    modified                   TEXT NOT NULL
);

CREATE TABLE agreement_parties (
    agreement_id INTEGER NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    org_id       INTEGER NOT NULL REFERENCES organizations (id),
    position     INTEGER NOT NULL,
    article      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (agreement_id, org_id)
);
CREATE INDEX agreement_parties_org ON agreement_parties (org_id);

CREATE TABLE agreement_areas (
    id           INTEGER PRIMARY KEY,
    agreement_id INTEGER NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    name         TEXT NOT NULL,
    article      TEXT NOT NULL DEFAULT '',
    UNIQUE (agreement_id, name COLLATE NOCASE)
);

-- area_id NULL: every area of the agreement.
CREATE TABLE agreement_interests (
    agreement_id INTEGER NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    org_id       INTEGER NOT NULL REFERENCES organizations (id),
    area_id      INTEGER REFERENCES agreement_areas (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL
);
CREATE UNIQUE INDEX agreement_interests_key ON agreement_interests (agreement_id, org_id, ifnull(area_id, 0));

CREATE TABLE agreement_amendments (
    id           INTEGER PRIMARY KEY,
    agreement_id INTEGER NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    summary      TEXT NOT NULL,
    proposed_by  INTEGER REFERENCES organizations (id),
    proposed_on  TEXT NOT NULL DEFAULT '',
    accepted_on  TEXT NOT NULL DEFAULT '',
    reference    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX agreement_amendments_agreement ON agreement_amendments (agreement_id);

CREATE TABLE agreement_supplementary (
    id           INTEGER PRIMARY KEY,
    agreement_id INTEGER NOT NULL REFERENCES agreements (id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    title        TEXT NOT NULL,
    signed_on    TEXT NOT NULL DEFAULT '',
    summary      TEXT NOT NULL DEFAULT '',
    reference    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX agreement_supplementary_agreement ON agreement_supplementary (agreement_id);

CREATE TABLE focal_points (
    id           INTEGER PRIMARY KEY,
    org_id       INTEGER NOT NULL REFERENCES organizations (id),
    agreement_id INTEGER REFERENCES agreements (id),
    name         TEXT NOT NULL,
    title        TEXT NOT NULL DEFAULT '',
    email        TEXT NOT NULL,
    phone        TEXT NOT NULL DEFAULT '',
    from_day     TEXT NOT NULL DEFAULT '',
    to_day       TEXT NOT NULL DEFAULT '',
    placeholder  INTEGER NOT NULL DEFAULT 0,
    modified     TEXT NOT NULL
);
CREATE INDEX focal_points_org ON focal_points (org_id, agreement_id);

-- A timed meeting keeps the wall-clock times in its zone (start_local,
-- end_local: what the convener decided, and what survives a change of the
-- zone's rules), the zone, and the instants (start_utc, end_utc: Unix
-- seconds) for range queries. A whole-day meeting keeps first_day and
-- last_day (inclusive); its instants are midnight in its zone (UTC when it
-- has none) of the first day and of the day after the last.
CREATE TABLE meetings (
    id                 INTEGER PRIMARY KEY,
    uid                TEXT NOT NULL UNIQUE,
    sequence           INTEGER NOT NULL DEFAULT 0,
    title              TEXT NOT NULL,
    kind               TEXT NOT NULL CHECK (kind IN ('conference', 'meeting', 'committee', 'consultation', 'training', 'joint-activity')),
    convener_id        INTEGER NOT NULL REFERENCES organizations (id),
    all_day            INTEGER NOT NULL CHECK (all_day IN (0, 1)),
    start_local        TEXT NOT NULL DEFAULT '',
    end_local          TEXT NOT NULL DEFAULT '',
    first_day          TEXT NOT NULL DEFAULT '',
    last_day           TEXT NOT NULL DEFAULT '',
    zone               TEXT NOT NULL DEFAULT '',
    start_utc          INTEGER NOT NULL,
    end_utc            INTEGER NOT NULL CHECK (end_utc >= start_utc),
    venue_name         TEXT NOT NULL DEFAULT '',
    venue_address      TEXT NOT NULL DEFAULT '',
    venue_city         TEXT NOT NULL DEFAULT '',
    venue_country      TEXT NOT NULL DEFAULT '',
    venue_online_url   TEXT NOT NULL DEFAULT '',
    igos_invited       INTEGER NOT NULL DEFAULT 0,
    observers_excluded INTEGER NOT NULL DEFAULT 0,
    exclusion_reason   TEXT NOT NULL DEFAULT '',
    status             TEXT NOT NULL CHECK (status IN ('planned', 'confirmed', 'postponed', 'cancelled', 'held')),
    confidentiality    TEXT NOT NULL CHECK (confidentiality IN ('public', 'parties', 'internal')),
    background         TEXT NOT NULL DEFAULT '',
    notes              TEXT NOT NULL DEFAULT '',
    source             TEXT NOT NULL DEFAULT '',
    created            TEXT NOT NULL,
    modified           TEXT NOT NULL,
    version            INTEGER NOT NULL DEFAULT 1,
    deleted_at         TEXT
);
-- The dashboard: live meetings by start (upcoming, obligations window).
CREATE INDEX meetings_start ON meetings (start_utc, end_utc) WHERE deleted_at IS NULL;
CREATE INDEX meetings_convener ON meetings (convener_id, start_utc) WHERE deleted_at IS NULL;
-- Sync: what changed since, tombstones included.
CREATE INDEX meetings_modified ON meetings (modified);

CREATE TRIGGER meetings_max_duration_insert AFTER INSERT ON meetings
WHEN NEW.end_utc - NEW.start_utc > (SELECT value FROM meta WHERE key = 'max_meeting_seconds')
BEGIN
    UPDATE meta SET value = NEW.end_utc - NEW.start_utc WHERE key = 'max_meeting_seconds';
END;
CREATE TRIGGER meetings_max_duration_update AFTER UPDATE OF start_utc, end_utc ON meetings
WHEN NEW.end_utc - NEW.start_utc > (SELECT value FROM meta WHERE key = 'max_meeting_seconds')
BEGIN
    UPDATE meta SET value = NEW.end_utc - NEW.start_utc WHERE key = 'max_meeting_seconds';
END;

CREATE TABLE meeting_areas (
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    area_id    INTEGER NOT NULL REFERENCES agreement_areas (id),
    position   INTEGER NOT NULL,
    PRIMARY KEY (meeting_id, area_id)
) WITHOUT ROWID;
CREATE INDEX meeting_areas_area ON meeting_areas (area_id);

CREATE TABLE agenda_items (
    id         INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    title      TEXT NOT NULL
);
CREATE INDEX agenda_items_meeting ON agenda_items (meeting_id, position);

CREATE TABLE agenda_item_areas (
    item_id    INTEGER NOT NULL REFERENCES agenda_items (id) ON DELETE CASCADE,
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    area_id    INTEGER NOT NULL REFERENCES agreement_areas (id),
    position   INTEGER NOT NULL,
    PRIMARY KEY (item_id, area_id)
) WITHOUT ROWID;
CREATE INDEX agenda_item_areas_meeting ON agenda_item_areas (meeting_id);
CREATE INDEX agenda_item_areas_area ON agenda_item_areas (area_id);

CREATE TABLE interest_marks (
    meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    org_id     INTEGER NOT NULL REFERENCES organizations (id),
    position   INTEGER NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (meeting_id, position)
) WITHOUT ROWID;

CREATE TABLE invitations (
    id              INTEGER PRIMARY KEY,
    uid             TEXT NOT NULL UNIQUE,
    meeting_id      INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
    agreement_id    INTEGER NOT NULL REFERENCES agreements (id),
    from_org_id     INTEGER NOT NULL REFERENCES organizations (id),
    to_org_id       INTEGER NOT NULL REFERENCES organizations (id),
    state           TEXT NOT NULL CHECK (state IN ('owed', 'sent', 'accepted', 'tentative', 'declined', 'no-reply', 'waived')),
    sent_at         TEXT NOT NULL DEFAULT '',
    sent_sequence   INTEGER NOT NULL DEFAULT 0,
    sent_via        TEXT NOT NULL DEFAULT '',
    replied_at      TEXT NOT NULL DEFAULT '',
    reply_sequence  INTEGER NOT NULL DEFAULT 0,
    waive_reason    TEXT NOT NULL DEFAULT '',
    version         INTEGER NOT NULL DEFAULT 1,
    modified        TEXT NOT NULL,
    deleted_at      TEXT,
    UNIQUE (meeting_id, to_org_id)
);
CREATE INDEX invitations_state ON invitations (state, to_org_id);

CREATE TABLE invitation_events (
    id            INTEGER PRIMARY KEY,
    invitation_id INTEGER NOT NULL REFERENCES invitations (id) ON DELETE CASCADE,
    at            TEXT NOT NULL,
    action        TEXT NOT NULL,
    state         TEXT NOT NULL,
    sequence      INTEGER NOT NULL DEFAULT 0,
    note          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX invitation_events_invitation ON invitation_events (invitation_id, id);

CREATE TABLE invitation_representatives (
    invitation_id INTEGER NOT NULL REFERENCES invitations (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    name          TEXT NOT NULL DEFAULT '',
    email         TEXT NOT NULL DEFAULT '',
    role          TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (invitation_id, position)
) WITHOUT ROWID;

-- Art. 8 consultation series: the rule's start in wall-clock time and zone.
CREATE TABLE consultation_series (
    id              INTEGER PRIMARY KEY,
    uid             TEXT NOT NULL UNIQUE,
    sequence        INTEGER NOT NULL DEFAULT 0,
    agreement_id    INTEGER NOT NULL REFERENCES agreements (id),
    title           TEXT NOT NULL,
    start_local     TEXT NOT NULL,
    start_utc       INTEGER NOT NULL,
    duration_ns     INTEGER NOT NULL,
    zone            TEXT NOT NULL,
    rrule           TEXT NOT NULL,
    confidentiality TEXT NOT NULL CHECK (confidentiality IN ('public', 'parties', 'internal')),
    notes           TEXT NOT NULL DEFAULT '',
    created         TEXT NOT NULL,
    modified        TEXT NOT NULL,
    version         INTEGER NOT NULL DEFAULT 1,
    deleted_at      TEXT
);
CREATE INDEX consultation_series_agreement ON consultation_series (agreement_id);

CREATE TABLE series_venues (
    series_id  INTEGER NOT NULL REFERENCES consultation_series (id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    name       TEXT NOT NULL DEFAULT '',
    address    TEXT NOT NULL DEFAULT '',
    city       TEXT NOT NULL DEFAULT '',
    country    TEXT NOT NULL DEFAULT '',
    online_url TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (series_id, position)
) WITHOUT ROWID;

-- One record per occurrence that has something of its own, keyed by the
-- rule's date (the iCalendar RECURRENCE-ID).
CREATE TABLE occurrences (
    id               INTEGER PRIMARY KEY,
    series_id        INTEGER NOT NULL REFERENCES consultation_series (id) ON DELETE CASCADE,
    original_start   TEXT NOT NULL,
    original_utc     INTEGER NOT NULL,
    start_at         TEXT NOT NULL DEFAULT '',
    end_at           TEXT NOT NULL DEFAULT '',
    cancelled        INTEGER NOT NULL DEFAULT 0,
    held             INTEGER NOT NULL DEFAULT 0,
    has_venue        INTEGER NOT NULL DEFAULT 0,
    venue_name       TEXT NOT NULL DEFAULT '',
    venue_address    TEXT NOT NULL DEFAULT '',
    venue_city       TEXT NOT NULL DEFAULT '',
    venue_country    TEXT NOT NULL DEFAULT '',
    venue_online_url TEXT NOT NULL DEFAULT '',
    minutes          TEXT NOT NULL DEFAULT '',
    UNIQUE (series_id, original_utc)
);

CREATE TABLE occurrence_agenda (
    id            INTEGER PRIMARY KEY,
    occurrence_id INTEGER NOT NULL REFERENCES occurrences (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    title         TEXT NOT NULL
);
CREATE INDEX occurrence_agenda_occurrence ON occurrence_agenda (occurrence_id, position);

CREATE TABLE occurrence_agenda_areas (
    item_id  INTEGER NOT NULL REFERENCES occurrence_agenda (id) ON DELETE CASCADE,
    area_id  INTEGER NOT NULL REFERENCES agreement_areas (id),
    position INTEGER NOT NULL,
    PRIMARY KEY (item_id, area_id)
) WITHOUT ROWID;

CREATE TABLE occurrence_outcomes (
    occurrence_id INTEGER NOT NULL REFERENCES occurrences (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    text          TEXT NOT NULL,
    PRIMARY KEY (occurrence_id, position)
) WITHOUT ROWID;

CREATE TABLE action_items (
    id            INTEGER PRIMARY KEY,
    occurrence_id INTEGER NOT NULL REFERENCES occurrences (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    text          TEXT NOT NULL,
    owner_org     INTEGER NOT NULL REFERENCES organizations (id),
    due           TEXT NOT NULL DEFAULT '',
    done          INTEGER NOT NULL DEFAULT 0,
    done_on       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX action_items_open ON action_items (due) WHERE done = 0;
CREATE INDEX action_items_occurrence ON action_items (occurrence_id);
