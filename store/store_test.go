package store

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	"github.com/liaison-app/liaison/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestOpenMigratesAndReopens(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "sub", "liaison.db")
	s, err := Open(ctx, path)
	require.NoError(t, err)
	v, err := schemaVersion(ctx, s.db)
	require.NoError(t, err)
	ms := migrations()
	assert.Equal(t, ms[len(ms)-1].version, v)
	require.NoError(t, s.Seed(ctx, "interpol-iom-2014", "IOM"))
	require.NoError(t, s.Close())

	fi, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm(), "the database holds confidential notes")
	di, err := os.Stat(filepath.Dir(path))
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o700), di.Mode().Perm())

	s, err = Open(ctx, path)
	require.NoError(t, err)
	defer s.Close()
	ok, err := s.Initialized(ctx)
	require.NoError(t, err)
	assert.True(t, ok)
	// Reopening an up-to-date database keeps no copy: nothing was migrated.
	baks, _ := filepath.Glob(path + ".before-*.bak")
	assert.Empty(t, baks)
	// Foreign keys are on (the DSN pragma was not silently ignored).
	var fk int
	require.NoError(t, s.db.QueryRowContext(ctx, "PRAGMA foreign_keys").Scan(&fk))
	assert.Equal(t, 1, fk)
	var mode string
	require.NoError(t, s.db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode))
	assert.Equal(t, "wal", mode)
	var cache int
	require.NoError(t, s.db.QueryRowContext(ctx, "PRAGMA cache_size").Scan(&cache))
	assert.Equal(t, -32768, cache)
}

func TestMigrationKeepsCopyBeforeChangingADatabase(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	s := f.s
	extra := append(migrations(), migration{version: 9999, name: "test_extra", sql: "CREATE TABLE test_extra (x INTEGER); INSERT INTO test_extra VALUES (42);"})
	require.NoError(t, s.migrate(ctx, extra))

	bak := s.Path() + ".before-9999.bak"
	fi, err := os.Stat(bak)
	require.NoError(t, err, "a copy is kept before migrating a database that holds data")
	assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm())

	// The copy is the database as it was: seeded, without the new table.
	copyDB, err := sql.Open("sqlite", dsn(bak))
	require.NoError(t, err)
	defer copyDB.Close()
	var n int
	require.NoError(t, copyDB.QueryRow("SELECT count(*) FROM organizations").Scan(&n))
	assert.Equal(t, 2, n)
	require.NoError(t, copyDB.QueryRow("SELECT count(*) FROM sqlite_schema WHERE name = 'test_extra'").Scan(&n))
	assert.Equal(t, 0, n)
	v, err := schemaVersion(ctx, copyDB)
	require.NoError(t, err)
	assert.Equal(t, len(migrations()), v)

	// The live database has it, recorded in the same transaction.
	v, err = schemaVersion(ctx, s.db)
	require.NoError(t, err)
	assert.Equal(t, 9999, v)
	require.NoError(t, s.db.QueryRowContext(ctx, "SELECT x FROM test_extra").Scan(&n))
	assert.Equal(t, 42, n)
}

func TestFailedMigrationLeavesNoTrace(t *testing.T) {
	ctx := context.Background()
	s := newFixture(t).s
	last := len(migrations())
	bad := append(migrations(), migration{version: last + 1, name: "broken", sql: "CREATE TABLE half (x INTEGER); INSERT INTO nowhere VALUES (1);"})
	err := s.migrate(ctx, bad)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "_broken")
	v, err := schemaVersion(ctx, s.db)
	require.NoError(t, err)
	assert.Equal(t, last, v, "the version is recorded only with the migration")
	var n int
	require.NoError(t, s.db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_schema WHERE name = 'half'").Scan(&n))
	assert.Equal(t, 0, n, "the migration's first statement was rolled back")
}

func TestOpenRefusesForeignOrNewerDatabase(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	foreign := filepath.Join(dir, "other.db")
	db, err := sql.Open("sqlite", dsn(foreign))
	require.NoError(t, err)
	_, err = db.Exec("CREATE TABLE photos (id INTEGER)")
	require.NoError(t, err)
	require.NoError(t, db.Close())
	_, err = Open(ctx, foreign)
	assert.ErrorIs(t, err, model.ErrConflict)

	s := newStore(t)
	_, err = s.db.ExecContext(ctx, "INSERT INTO schema_migrations VALUES (500, 'future', '')")
	require.NoError(t, err)
	path := s.Path()
	require.NoError(t, s.Close())
	_, err = Open(ctx, path)
	require.ErrorIs(t, err, model.ErrConflict)
	assert.Contains(t, err.Error(), "newer Liaison")
}

func TestMigrationFilesAreNumbered(t *testing.T) {
	ms := migrations()
	require.NotEmpty(t, ms)
	for i, m := range ms {
		assert.Equal(t, i+1, m.version, "migrations are numbered 0001, 0002, ... without gaps")
		assert.NotEmpty(t, m.sql)
	}
}

func TestPathFrom(t *testing.T) {
	t.Setenv("XDG_DATA_HOME", "/data/home")
	t.Setenv(EnvDB, "")
	p, err := PathFrom("")
	require.NoError(t, err)
	assert.Equal(t, filepath.Join("/data/home", "liaison", "liaison.db"), p)

	t.Setenv("XDG_DATA_HOME", "")
	home, err := os.UserHomeDir()
	require.NoError(t, err)
	p, err = DefaultPath()
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(home, ".local", "share", "liaison", "liaison.db"), p)

	t.Setenv(EnvDB, "/env/x.db")
	p, err = PathFrom("")
	require.NoError(t, err)
	assert.Equal(t, "/env/x.db", p, "LIAISON_DB overrides the default")
	p, err = PathFrom("/flag/y.db")
	require.NoError(t, err)
	assert.Equal(t, "/flag/y.db", p, "the flag overrides LIAISON_DB")
	p, err = PathFrom("~/z.db")
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(home, "z.db"), p)
}

func TestOpenPathWithSpecialCharacters(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "my data #1?", "liaison.db")
	s, err := Open(ctx, path)
	require.NoError(t, err)
	defer s.Close()
	_, err = os.Stat(path)
	assert.NoError(t, err, "the file is where it was asked for")
}

// A database made by the first release (schema 1) is copied, then
// migrated: the meetings' agenda gets into the detail column.
func TestMigration0002FillsMeetingDetail(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "liaison.db")
	v1, err := open(ctx, path, migrations()[:1])
	require.NoError(t, err)
	require.NoError(t, v1.Seed(ctx, "interpol-iom-2014", "IOM"))
	for _, q := range []string{
		`INSERT INTO meetings (id, uid, title, kind, convener_id, all_day, first_day, last_day, start_utc, end_utc, status, confidentiality, created, modified)
			VALUES (7, 'u7', 'Old meeting', 'meeting', 2, 1, '2020-01-01', '2020-01-02', 1577836800, 1578009600, 'held', 'public', '', '')`,
		"INSERT INTO meeting_areas VALUES (7, 3, 0), (7, 1, 1)",
		"INSERT INTO agenda_items VALUES (70, 7, 0, 'First'), (71, 7, 1, 'Second \"quoted\"')",
		"INSERT INTO agenda_item_areas VALUES (71, 7, 4, 0), (71, 7, 2, 1)",
		"INSERT INTO interest_marks VALUES (7, 1, 0, 'asked')",
	} {
		_, err := v1.db.ExecContext(ctx, q)
		require.NoError(t, err, q)
	}
	require.NoError(t, v1.Close())

	s, err := Open(ctx, path)
	require.NoError(t, err)
	defer s.Close()
	_, err = os.Stat(path + ".before-0002.bak")
	assert.NoError(t, err, "a copy is kept before migration 0002")
	m, err := s.Meeting(ctx, 7)
	require.NoError(t, err)
	assert.Equal(t, []int64{3, 1}, m.AreaIDs)
	assert.Equal(t, []model.AgendaItem{{ID: 70, Title: "First", AreaIDs: []int64{}}, {ID: 71, Title: `Second "quoted"`, AreaIDs: []int64{4, 2}}}, m.Agenda)
	assert.Equal(t, []model.InterestMark{{OrgID: 1, Note: "asked"}}, m.InterestMarks)
}

func TestNilRecordsAreRefusedNotPanics(t *testing.T) {
	ctx := context.Background()
	s := newFixture(t).s
	for _, err := range []error{
		s.CreateMeeting(ctx, nil), s.UpdateMeeting(ctx, nil), s.CreateOrganization(ctx, nil), s.UpdateOrganization(ctx, nil),
		s.CreateAgreement(ctx, nil), s.UpdateAgreement(ctx, nil), s.CreateFocalPoint(ctx, nil), s.UpdateFocalPoint(ctx, nil),
		s.CreateSeries(ctx, nil), s.UpdateSeries(ctx, nil), s.SaveOccurrence(ctx, 1, nil),
	} {
		assert.ErrorIs(t, err, model.ErrInvalid)
	}
	_, err := s.UpdateInvitation(ctx, 1, 1, nil)
	assert.ErrorIs(t, err, model.ErrInvalid)
}
