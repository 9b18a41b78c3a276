package store

import (
	"context"
	"testing"

	"github.com/liaison-app/liaison/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestOrganizations(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	o := &model.Organization{Acronym: "UNODC", Name: "United Nations Office on Drugs and Crime", Zone: "Europe/Vienna", MailDomain: "un.org"}
	require.NoError(t, f.s.CreateOrganization(ctx, o))
	assert.NotZero(t, o.ID)
	dup := &model.Organization{Acronym: "unodc", Name: "dup", Zone: "Europe/Vienna"}
	assert.ErrorIs(t, f.s.CreateOrganization(ctx, dup), model.ErrConflict, "acronyms are unique, ignoring case")
	second := &model.Organization{Acronym: "OSCE", Name: "OSCE", Zone: "Europe/Vienna", Us: true}
	assert.ErrorIs(t, f.s.CreateOrganization(ctx, second), model.ErrConflict, "only one organization is us")
	assert.ErrorIs(t, f.s.CreateOrganization(ctx, &model.Organization{Acronym: "X", Name: "X", Zone: "Local"}), model.ErrInvalid)

	o.Name = "UNODC"
	require.NoError(t, f.s.UpdateOrganization(ctx, o))
	got, err := f.s.Organization(ctx, o.ID)
	require.NoError(t, err)
	assert.Equal(t, "UNODC", got.Name)
	o.ID = 999
	assert.ErrorIs(t, f.s.UpdateOrganization(ctx, o), model.ErrNotFound)
	orgs, err := f.s.Organizations(ctx)
	require.NoError(t, err)
	assert.Len(t, orgs, 3)
}

func TestFocalPoints(t *testing.T) {
	ctx := context.Background()
	f := newFixture(t)
	fp := &model.FocalPoint{OrgID: f.interpol, AgreementID: f.agreement.ID, Name: "Jane Doe", Title: "Director", Email: "j.doe@interpol.int",
		Phone: "+33 4 72 44 70 00", From: model.MustDate("2025-01-01"), To: model.MustDate("2026-12-31")}
	require.NoError(t, f.s.CreateFocalPoint(ctx, fp))
	got, err := f.s.FocalPoint(ctx, fp.ID)
	require.NoError(t, err)
	got.Modified, fp.Modified = got.Modified.UTC(), fp.Modified.UTC()
	assert.Equal(t, *fp, *got)

	active, err := f.s.ActiveFocalPoints(ctx, f.interpol, f.agreement.ID, model.MustDate("2026-06-01"))
	require.NoError(t, err)
	require.Len(t, active, 2, "Jane Doe and the placeholder")
	assert.Equal(t, "Jane Doe", active[0].Name, "a real person before a placeholder")
	active, err = f.s.ActiveFocalPoints(ctx, f.interpol, 0, model.MustDate("2027-01-01"))
	require.NoError(t, err)
	require.Len(t, active, 1)
	assert.True(t, active[0].Placeholder)

	fp.To = model.Date{}
	require.NoError(t, f.s.UpdateFocalPoint(ctx, fp))
	active, err = f.s.ActiveFocalPoints(ctx, f.interpol, f.agreement.ID, model.MustDate("2030-01-01"))
	require.NoError(t, err)
	assert.Len(t, active, 2)

	assert.ErrorIs(t, f.s.CreateFocalPoint(ctx, &model.FocalPoint{OrgID: 999, Name: "x", Email: "x@y.org"}), model.ErrInvalid, "unknown organization")
	assert.ErrorIs(t, f.s.CreateFocalPoint(ctx, &model.FocalPoint{OrgID: f.iom, Name: "x", Email: "not an address"}), model.ErrInvalid)
	require.NoError(t, f.s.DeleteFocalPoint(ctx, fp.ID))
	assert.ErrorIs(t, f.s.DeleteFocalPoint(ctx, fp.ID), model.ErrNotFound)
	_, err = f.s.FocalPoint(ctx, fp.ID)
	assert.ErrorIs(t, err, model.ErrNotFound)
}
