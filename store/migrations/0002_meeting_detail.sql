-- 0002: a meeting's agenda, areas and interest marks also kept in the
-- meeting's row, as JSON, so that a list of meetings (the dashboard, the
-- Article 2 rule over a year of meetings) is read with one query instead
-- of one per child table.
--
-- The child tables stay the record that the database checks: their
-- foreign keys refuse an unknown area and keep an area in use from being
-- deleted, and they answer "which meetings concern this area". Every write
-- of a meeting rewrites both, in the same transaction.
--
-- detail: {"areas": [area ids], "agenda": [{"id", "title", "areas": [..]}],
--          "marks": [{"org", "note"}]}

ALTER TABLE meetings ADD COLUMN detail TEXT NOT NULL DEFAULT '{"areas":[],"agenda":[],"marks":[]}';

UPDATE meetings SET detail = json_object(
    'areas', json((SELECT json_group_array(area_id) FROM (
        SELECT area_id FROM meeting_areas WHERE meeting_id = meetings.id ORDER BY position))),
    'agenda', json((SELECT json_group_array(json(item)) FROM (
        SELECT json_object('id', a.id, 'title', a.title, 'areas', json((
            SELECT json_group_array(area_id) FROM (
                SELECT area_id FROM agenda_item_areas WHERE item_id = a.id ORDER BY position)))) AS item
        FROM agenda_items a WHERE a.meeting_id = meetings.id ORDER BY a.position))),
    'marks', json((SELECT json_group_array(json(mark)) FROM (
        SELECT json_object('org', org_id, 'note', note) AS mark
        FROM interest_marks WHERE meeting_id = meetings.id ORDER BY position))));

-- The window of the dashboard, covering what the Article 2 prefilter reads,
-- so that meetings it leaves out are never fetched from the table.
DROP INDEX meetings_start;
CREATE INDEX meetings_window ON meetings (start_utc, end_utc, igos_invited, observers_excluded, status, sequence, convener_id)
    WHERE deleted_at IS NULL;
