package ui

import (
	"context"
	"time"

	"github.com/liaison-app/liaison/model"
)

// MeetingQuery selects a page of meetings: every field left zero matches
// everything. Limit and Offset page through the result so that a list of
// 100,000 meetings loads only what is on screen.
type MeetingQuery struct {
	From, To   time.Time // meetings that end after From and start before To
	ConvenerID int64
	Kind       model.MeetingKind
	Status     model.MeetingStatus
	Text       string // words in the title, venue or city
	Descending bool   // latest first
	Limit      int
	Offset     int
}

// Data is what the screens need from the database. *store.Store provides
// it through storeData; everything is called off the UI goroutine.
type Data interface {
	Path() string
	Catalog(ctx context.Context) (*model.Catalog, error)

	Meetings(ctx context.Context, q MeetingQuery) ([]model.Meeting, error)
	CountMeetings(ctx context.Context, q MeetingQuery) (int, error)
	Meeting(ctx context.Context, id int64) (*model.Meeting, error)
	CreateMeeting(ctx context.Context, m *model.Meeting) error
	UpdateMeeting(ctx context.Context, m *model.Meeting) error
	DeleteMeeting(ctx context.Context, id int64) error
	RestoreMeeting(ctx context.Context, id int64) error

	Invitations(ctx context.Context, meetingID int64) ([]model.Invitation, error)
	InvitationsByMeeting(ctx context.Context, meetingIDs []int64) (map[int64][]model.Invitation, error)
	UpdateInvitation(ctx context.Context, meetingID, toOrg int64, fn func(*model.Invitation) error) error
	// Obligations runs the Article 2 rule on the meetings that start in
	// [from, to), with their invitation records.
	Obligations(ctx context.Context, now, from, to time.Time) ([]model.Obligation, error)

	SeriesList(ctx context.Context) ([]model.ConsultationSeries, error)
	CreateSeries(ctx context.Context, s *model.ConsultationSeries) error
	UpdateSeries(ctx context.Context, s *model.ConsultationSeries) error
	SaveOccurrence(ctx context.Context, seriesID int64, o *model.Occurrence) error

	FocalPoints(ctx context.Context) ([]model.FocalPoint, error)
	CreateFocalPoint(ctx context.Context, f *model.FocalPoint) error
	UpdateFocalPoint(ctx context.Context, f *model.FocalPoint) error
	DeleteFocalPoint(ctx context.Context, id int64) error
	UpdateAgreement(ctx context.Context, g *model.Agreement) error
	UpdateOrganization(ctx context.Context, o *model.Organization) error

	Backup(ctx context.Context, dest string) error
}
