package caldav

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store"
	"github.com/liaison-app/liaison/store/ical"
)

// fuzzCatalog is the seeded catalog the fuzz tests resolve names against.
func fuzzCatalog(f *testing.F) (*model.Catalog, *store.SyncedMeeting, *store.SyncedSeries) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(f.TempDir(), "fuzz.db"))
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { st.Close() })
	if err := st.Seed(ctx, "interpol-iom-2014", "INTERPOL"); err != nil {
		f.Fatal(err)
	}
	c, err := st.Catalog(ctx)
	if err != nil {
		f.Fatal(err)
	}
	ip, _ := c.OrgByAcronym("org", "INTERPOL")
	iom, _ := c.OrgByAcronym("org", "IOM")
	area := c.Agreements[0].AreaByName("Travel document fraud").ID
	start := time.Date(2027, 3, 9, 9, 30, 0, 0, paris)
	m := &store.SyncedMeeting{Meeting: model.Meeting{UID: "m@liaison", Title: "Working group", Kind: model.KindMeeting, ConvenerID: ip.ID,
		Start: start, End: start.Add(time.Hour), Zone: "Europe/Paris", IGOsInvited: true,
		Agenda: []model.AgendaItem{{Title: "Fraud", AreaIDs: []int64{area}}}, Status: model.StatusConfirmed, Confidentiality: model.Internal},
		Invitations: []model.Invitation{{ToOrgID: iom.ID, AgreementID: c.Agreements[0].ID, State: model.InvSent, SentAt: start.AddDate(0, -1, 0),
			History: []model.InvitationEvent{{At: start.AddDate(0, -1, 0), Action: "sent", State: model.InvSent}}}}}
	s := &store.SyncedSeries{Series: model.ConsultationSeries{UID: "s@liaison", AgreementID: c.Agreements[0].ID, Title: "Consultations", Start: start,
		Duration: time.Hour, Zone: "Europe/Paris", RRule: "FREQ=MONTHLY;COUNT=3", Confidentiality: model.Internal,
		Occurrences: []model.Occurrence{{OriginalStart: start, ActionItems: []model.ActionItem{{Text: "Do", OwnerOrg: iom.ID}}}}}}
	return c, m, s
}

// FuzzResourceToRecord feeds the whole way in from the server (a resource
// as another client or a damaged server may leave it) arbitrary bytes:
// reading the resource, its fields, and rebuilding a meeting or a series
// never panics; what is refused is an error.
func FuzzResourceToRecord(f *testing.F) {
	c, m, s := fuzzCatalog(f)
	for _, rec := range []ical.Record{meetingRecord(m, meetingFields(m, c), c), seriesRecord(s, seriesFields(s, c), c)} {
		var b bytes.Buffer
		if err := ical.WriteRecord(&b, rec); err != nil {
			f.Fatal(err)
		}
		f.Add(b.Bytes())
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		rec, err := ical.ReadRecord(bytes.NewReader(data), "fuzz.ics", 1<<20)
		if err != nil {
			return
		}
		fields := fromICal(rec.Fields)
		if sm, err := meetingFromFields(rec.UID, fields, c); err == nil && sm.Meeting.UID != rec.UID {
			t.Fatalf("rebuilt meeting has UID %q, the resource %q", sm.Meeting.UID, rec.UID)
		}
		_, _ = seriesFromFields(rec.UID, fields, c)
		_, _ = merge(fields, meetingFields(m, c), fields)
	})
}

// FuzzMultistatus: the server's XML answers never crash the client.
func FuzzMultistatus(f *testing.F) {
	f.Add([]byte(`<?xml version="1.0"?><d:multistatus xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:response><d:href>/a/b.ics</d:href>` +
		`<d:propstat><d:prop><d:getetag>"1"</d:getetag><c:calendar-data>BEGIN:VCALENDAR</c:calendar-data></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>` +
		`<d:sync-token>http://x/1</d:sync-token></d:multistatus>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		ms, err := parseMultistatus(data)
		if err != nil {
			return
		}
		for _, r := range ms.Responses {
			_ = key(r.Href)
			for _, ps := range r.Propstats {
				_ = ps.ok()
				if ps.Prop.Privileges != nil {
					_ = ps.Prop.Privileges.canWrite()
				}
				if ps.Prop.Reports != nil {
					_ = ps.Prop.Reports.has("sync-collection")
				}
			}
		}
	})
}
