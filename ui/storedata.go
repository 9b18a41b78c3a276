package ui

import (
	"context"
	"time"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store"
)

// StoreData lets the screens use st: it maps the screens' queries onto the
// store's filters, and nothing else.
func StoreData(st *store.Store) Data { return storeData{st} }

type storeData struct{ *store.Store }

func filter(q MeetingQuery) store.MeetingFilter {
	f := store.MeetingFilter{From: q.From, To: q.To, ConvenerID: q.ConvenerID, Kind: q.Kind, Status: q.Status, Text: q.Text, Limit: q.Limit, Offset: q.Offset}
	if q.Descending {
		f.Order = store.ByStartDesc
	}
	return f
}

func (d storeData) Meetings(ctx context.Context, q MeetingQuery) ([]model.Meeting, error) {
	return d.Store.Meetings(ctx, filter(q))
}

func (d storeData) CountMeetings(ctx context.Context, q MeetingQuery) (int, error) {
	return d.Store.CountMeetings(ctx, filter(q))
}

func (d storeData) UpdateInvitation(ctx context.Context, meetingID, toOrg int64, fn func(*model.Invitation) error) error {
	_, err := d.Store.UpdateInvitation(ctx, meetingID, toOrg, fn)
	return err
}

func (d storeData) Obligations(ctx context.Context, now, from, to time.Time) ([]model.Obligation, error) {
	return d.Store.Obligations(ctx, now, store.ObligationFilter{From: from, To: to})
}
