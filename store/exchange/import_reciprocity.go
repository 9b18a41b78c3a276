package exchange

import (
	"context"
	"time"

	"github.com/liaison-app/liaison/model"
)

// reciprocity runs the Article 2 rule on the partner meetings imported:
// which observer invitations they owe us. The meetings are read a few
// hundred at a time.
func (im *importer) reciprocity(ctx context.Context, ids []int64, fs *FileSummary) error {
	const chunk = 500
	for len(ids) > 0 {
		n := min(chunk, len(ids))
		part := ids[:n]
		ids = ids[n:]
		invs, err := im.st.InvitationsByMeeting(ctx, part)
		if err != nil {
			return err
		}
		ms, err := im.st.MeetingsByID(ctx, part)
		if err != nil {
			return err
		}
		byID := make(map[int64]*model.Meeting, len(ms))
		for i := range ms {
			byID[ms[i].ID] = &ms[i]
		}
		ordered := make([]model.Meeting, 0, len(ms))
		aligned := make([][]model.Invitation, 0, len(ms))
		for _, id := range part { // in the order the file touched them
			if m := byID[id]; m != nil {
				ordered = append(ordered, *m)
				aligned = append(aligned, invs[id])
			}
		}
		for _, ob := range model.AllObligations(im.cat, ordered, aligned, im.now) {
			if ob.Incoming {
				fs.addObligation(ob)
			}
		}
	}
	return nil
}

// orgZone is an organization's own zone (the convener of a partner's
// meeting), UTC when it has none.
func orgZone(o *model.Organization) *time.Location {
	if o != nil {
		if loc, err := model.LoadZone(o.Zone); err == nil {
			return loc
		}
	}
	return time.UTC
}
