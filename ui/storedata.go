package ui

import (
	"context"
	"errors"
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

// errNoSeries: the consultation series are not in the store yet.
var errNoSeries = errors.New("consultation series are not stored yet")

func (d storeData) SeriesList(ctx context.Context) ([]model.ConsultationSeries, error) {
	return nil, nil
}

func (d storeData) CreateSeries(ctx context.Context, s *model.ConsultationSeries) error {
	return errNoSeries
}

func (d storeData) UpdateSeries(ctx context.Context, s *model.ConsultationSeries) error {
	return errNoSeries
}

func (d storeData) SaveOccurrence(ctx context.Context, seriesID int64, o *model.Occurrence) error {
	return errNoSeries
}
