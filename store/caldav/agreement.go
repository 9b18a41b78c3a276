package caldav

import (
	"strconv"
	"strings"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store"
	"github.com/liaison-app/liaison/store/ical"
)

// An agreement's fields: everything the Article 2 rule and the agreement's
// screens read (parties and their articles, signature, entry into force
// and its condition, amendments, supplementary arrangements, termination,
// areas of cooperation, interests, lead time, consultation interval and
// the articles cited). Organizations are named by acronym and areas by
// name, never by row id, so that a database set up from another template
// or none ends up with the same agreement, and one set up from the same
// template keeps its areas' ids (and the meetings that name them). The
// resource is a VJOURNAL, like an organization's.

const agreementKind = "agreement"

// catalogKind reports whether a kind of record is part of the catalog
// (organizations and agreements) rather than a meeting or series.
func catalogKind(kind string) bool { return kind == "organization" || kind == agreementKind }

type sharedParty struct {
	Org     string `json:"org"`
	Article string `json:"article,omitempty"`
}

type sharedArea struct {
	Name    string `json:"name"`
	Article string `json:"article,omitempty"`
}

type sharedInterest struct {
	Org  string `json:"org"`
	Area string `json:"area,omitempty"`
}

type sharedAmendment struct {
	Summary    string     `json:"summary"`
	ProposedBy string     `json:"proposed_by,omitempty"`
	ProposedOn model.Date `json:"proposed_on,omitzero"`
	AcceptedOn model.Date `json:"accepted_on,omitzero"`
	Reference  string     `json:"reference,omitempty"`
}

type sharedSupplementary struct {
	Title     string     `json:"title"`
	SignedOn  model.Date `json:"signed_on,omitzero"`
	Summary   string     `json:"summary,omitempty"`
	Reference string     `json:"reference,omitempty"`
}

type sharedTermination struct {
	GivenBy      string     `json:"given_by,omitempty"`
	NoticeOn     model.Date `json:"notice_on,omitzero"`
	NoticeMonths int        `json:"notice_months,omitempty"`
}

func dayText(d model.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

func agreementFields(g *model.Agreement, c *model.Catalog) Fields {
	f := Fields{}
	f.set("KEY", g.Key)
	f.set(fTitle, g.Title)
	f.set("SHORT-NAME", g.ShortName)
	f.set("SIGNED-ON", dayText(g.SignedOn))
	f.set("SIGNED-AT", g.SignedAt)
	f.set("IN-FORCE-FROM", dayText(g.InForceFrom))
	f.set("IN-FORCE-CONDITION", g.InForceCondition)
	f.set("CONDITION-MET-ON", dayText(g.ConditionMetOn))
	f.setBool("CONDITION-FAILED", g.ConditionFailed)
	f.set("LEAD-TIME-DAYS", strconv.Itoa(g.LeadTimeDays))
	f.set("CONSULTATION-INTERVAL-DAYS", strconv.Itoa(g.ConsultationIntervalDays))
	f.set("CONFIDENTIALITY-NOTICE", g.ConfidentialityNotice)
	f.set("CONFIDENTIALITY-ARTICLE", g.ConfidentialityArticle)
	f.set("CONSULTATION-ARTICLE", g.ConsultationArticle)
	f.set("FOCAL-POINT-ARTICLE", g.FocalPointArticle)
	f.set("ENTRY-INTO-FORCE-ARTICLE", g.EntryIntoForceArticle)
	f.set("TERMINATION-ARTICLE", g.TerminationArticle)
	parties := make([]sharedParty, len(g.Parties))
	for i, p := range g.Parties {
		parties[i] = sharedParty{Org: c.Acronym(p.OrgID), Article: p.Article}
	}
	f.setJSON("PARTIES", parties, len(parties) == 0)
	areas := make([]sharedArea, len(g.Areas))
	for i, a := range g.Areas {
		areas[i] = sharedArea{Name: a.Name, Article: a.Article}
	}
	f.setJSON("AREAS", areas, len(areas) == 0)
	interests := make([]sharedInterest, len(g.Interests))
	for i, in := range g.Interests {
		interests[i] = sharedInterest{Org: c.Acronym(in.OrgID)}
		if a := g.Area(in.AreaID); a != nil {
			interests[i].Area = a.Name
		}
	}
	f.setJSON("INTERESTS", interests, len(interests) == 0)
	ams := make([]sharedAmendment, len(g.Amendments))
	for i, am := range g.Amendments {
		ams[i] = sharedAmendment{Summary: am.Summary, ProposedOn: am.ProposedOn, AcceptedOn: am.AcceptedOn, Reference: am.Reference}
		if am.ProposedBy != 0 {
			ams[i].ProposedBy = c.Acronym(am.ProposedBy)
		}
	}
	f.setJSON("AMENDMENTS", ams, len(ams) == 0)
	sups := make([]sharedSupplementary, len(g.Supplementary))
	for i, sa := range g.Supplementary {
		sups[i] = sharedSupplementary{Title: sa.Title, SignedOn: sa.SignedOn, Summary: sa.Summary, Reference: sa.Reference}
	}
	f.setJSON("SUPPLEMENTARY", sups, len(sups) == 0)
	if t := g.Termination; t != nil {
		st := sharedTermination{NoticeOn: t.NoticeOn, NoticeMonths: t.NoticeMonths}
		if t.GivenBy != 0 {
			st.GivenBy = c.Acronym(t.GivenBy)
		}
		f.setJSON("TERMINATION", st, false)
	}
	f.setTime(fModified, g.Modified)
	return f
}

// agreementFromFields rebuilds an agreement, its interests naming their
// areas (store.PutSyncedAgreement matches them here).
func agreementFromFields(f Fields, c *model.Catalog) (model.Agreement, []store.AreaInterest, error) {
	r := &fieldReader{f: f, c: c}
	g := model.Agreement{Key: r.str("KEY"), Title: r.str(fTitle), ShortName: r.str("SHORT-NAME"),
		SignedOn: r.day("SIGNED-ON"), SignedAt: r.str("SIGNED-AT"), InForceFrom: r.day("IN-FORCE-FROM"),
		InForceCondition: r.str("IN-FORCE-CONDITION"), ConditionMetOn: r.day("CONDITION-MET-ON"), ConditionFailed: r.boolean("CONDITION-FAILED"),
		LeadTimeDays: r.integer("LEAD-TIME-DAYS"), ConsultationIntervalDays: r.integer("CONSULTATION-INTERVAL-DAYS"),
		ConfidentialityNotice: r.str("CONFIDENTIALITY-NOTICE"), ConfidentialityArticle: r.str("CONFIDENTIALITY-ARTICLE"),
		ConsultationArticle: r.str("CONSULTATION-ARTICLE"), FocalPointArticle: r.str("FOCAL-POINT-ARTICLE"),
		EntryIntoForceArticle: r.str("ENTRY-INTO-FORCE-ARTICLE"), TerminationArticle: r.str("TERMINATION-ARTICLE"),
		Modified: r.instant(fModified)}
	var parties []sharedParty
	r.json("PARTIES", &parties)
	for _, p := range parties {
		g.Parties = append(g.Parties, model.Party{OrgID: r.org("PARTIES", p.Org), Article: p.Article})
	}
	var areas []sharedArea
	r.json("AREAS", &areas)
	for _, a := range areas {
		g.Areas = append(g.Areas, model.Area{Name: a.Name, Article: a.Article})
	}
	var ins []sharedInterest
	r.json("INTERESTS", &ins)
	interests := make([]store.AreaInterest, 0, len(ins))
	for _, in := range ins {
		interests = append(interests, store.AreaInterest{OrgID: r.org("INTERESTS", in.Org), Area: in.Area})
	}
	var ams []sharedAmendment
	r.json("AMENDMENTS", &ams)
	for _, am := range ams {
		x := model.Amendment{Summary: am.Summary, ProposedOn: am.ProposedOn, AcceptedOn: am.AcceptedOn, Reference: am.Reference}
		if am.ProposedBy != "" {
			x.ProposedBy = r.org("AMENDMENTS", am.ProposedBy)
		}
		g.Amendments = append(g.Amendments, x)
	}
	var sups []sharedSupplementary
	r.json("SUPPLEMENTARY", &sups)
	for _, sa := range sups {
		g.Supplementary = append(g.Supplementary, model.SupplementaryArrangement{Title: sa.Title, SignedOn: sa.SignedOn, Summary: sa.Summary, Reference: sa.Reference})
	}
	if f["TERMINATION"] != "" {
		var t sharedTermination
		r.json("TERMINATION", &t)
		g.Termination = &model.Termination{NoticeOn: t.NoticeOn, NoticeMonths: t.NoticeMonths}
		if t.GivenBy != "" {
			g.Termination.GivenBy = r.org("TERMINATION", t.GivenBy)
		}
	}
	return g, interests, r.err
}

func agreementRecord(l *local) ical.Record {
	var areas []string
	for _, a := range l.ag.Areas {
		areas = append(areas, a.Name)
	}
	return ical.Record{UID: store.AgreementRecordUID(l.ag.Key), Kind: agreementKind, Journal: true,
		Summary: l.ag.Title, Description: strings.Join(areas, "\n"), Modified: l.f.modified(), Fields: toICal(l.f)}
}

// loadAgreements reads the agreements named by uids.
func loadAgreements(c *model.Catalog, uids map[string]bool, out map[string]*local) {
	for i := range c.Agreements {
		g := &c.Agreements[i]
		if uid := store.AgreementRecordUID(g.Key); uids[uid] {
			out[uid] = &local{kind: agreementKind, ag: g, f: agreementFields(g, c)}
		}
	}
}
