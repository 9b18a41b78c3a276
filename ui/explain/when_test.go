package explain

import (
	"testing"
	"time"

	"github.com/liaison-app/liaison/model"
)

func TestWhenNamesThePlace(t *testing.T) {
	paris, err := model.LoadZone("Europe/Paris")
	if err != nil {
		t.Fatal(err)
	}
	m := &model.Meeting{Zone: "Europe/Paris", Venue: model.Venue{City: "Lyon"},
		Start: time.Date(2027, 6, 23, 9, 0, 0, 0, paris), End: time.Date(2027, 6, 23, 17, 0, 0, 0, paris)}
	for _, c := range []struct {
		edit func()
		want string
	}{
		{func() {}, "2027-06-23 09:00–17:00 Lyon (CEST)"},
		{func() { m.Venue.City = "" }, "2027-06-23 09:00–17:00 Paris (CEST)"},
		{func() { m.End = m.End.AddDate(0, 0, 2) }, "2027-06-23 09:00 – 2027-06-25 17:00 Paris (CEST)"},
		{func() {
			m.AllDay, m.FirstDay, m.LastDay = true, model.MustDate("2027-06-23"), model.MustDate("2027-06-23")
		}, "2027-06-23"},
		{func() { m.LastDay = model.MustDate("2027-06-25") }, "2027-06-23 – 2027-06-25"},
	} {
		c.edit()
		if got := When(m); got != c.want {
			t.Errorf("got %q, want %q", got, c.want)
		}
	}
	if got := ZoneCity("America/Argentina/Buenos_Aires"); got != "Buenos Aires" {
		t.Errorf("ZoneCity: %q", got)
	}
}
