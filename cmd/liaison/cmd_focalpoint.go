package main

import (
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/liaison-app/liaison/model"
	"github.com/liaison-app/liaison/store"
)

func focalPointCommands() []*command {
	return []*command{
		{name: "focal-point add", args: "--org ORG --name NAME --email MAIL [--phone P] [--from D] [--to D]",
			summary: "designate an organization's focal point (Art. 7)",
			setup:   withOptions(runFocalPointAdd)},
		{name: "focal-point list", args: "[--json]", summary: "list focal points",
			setup: withOptions(runFocalPointList)},
	}
}

type focalPointOptions struct {
	Org, Name, Title, Email, Phone, From, To, Agreement string
}

func (o *focalPointOptions) bind(fs *flag.FlagSet) {
	fs.StringVar(&o.Org, "org", "", "the organization's acronym")
	fs.StringVar(&o.Name, "name", "", "the person's name")
	fs.StringVar(&o.Title, "title", "", "the person's job title")
	fs.StringVar(&o.Email, "email", "", "e-mail address")
	fs.StringVar(&o.Phone, "phone", "", "telephone")
	fs.StringVar(&o.From, "from", "", "first day in the role, YYYY-MM-DD")
	fs.StringVar(&o.To, "to", "", "last day in the role, YYYY-MM-DD")
	fs.StringVar(&o.Agreement, "agreement", "", "the agreement's key (needed only when the organization is party to several)")
}

func runFocalPointAdd(e *env, c *call, o *focalPointOptions) error {
	if err := noArgs(c); err != nil {
		return err
	}
	for _, f := range []string{"org", "name", "email"} {
		if !set(c.fs, f) {
			return usagef("--%s is required", f)
		}
	}
	return e.withStore(c, func(st *store.Store, cat *model.Catalog) error {
		str := strings.TrimSpace
		org, err := cat.OrgByAcronym("org", str(o.Org))
		if err != nil {
			return err
		}
		g, err := agreementFor(cat, org, str(o.Agreement))
		if err != nil {
			return err
		}
		fp := &model.FocalPoint{OrgID: org.ID, AgreementID: g.ID, Name: str(o.Name), Title: str(o.Title), Email: str(o.Email), Phone: str(o.Phone)}
		if fp.From, err = optDate("from", str(o.From)); err != nil {
			return err
		}
		if fp.To, err = optDate("to", str(o.To)); err != nil {
			return err
		}
		if err := st.CreateFocalPoint(e.ctx, fp); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, fp.ID)
		return nil
	})
}

// agreementFor picks the agreement an organization's record belongs to:
// the one named by key, or the only one between it and us.
func agreementFor(cat *model.Catalog, o *model.Organization, key string) (*model.Agreement, error) {
	var keys []string
	for _, g := range cat.AgreementsOf(o.ID) {
		if key != "" && strings.EqualFold(g.Key, key) {
			return g, nil
		}
		keys = append(keys, g.Key)
	}
	switch {
	case key != "":
		return nil, model.Invalid("agreement", "unknown agreement %q for %s; known: %s", key, o.Acronym, strings.Join(keys, ", "))
	case len(keys) == 1:
		return cat.AgreementsOf(o.ID)[0], nil
	case len(keys) == 0:
		return nil, model.Invalid("org", "%s is not party to any agreement", o.Acronym)
	}
	return nil, model.Invalid("agreement", "%s is party to several agreements; name one with --agreement: %s", o.Acronym, strings.Join(keys, ", "))
}

func runFocalPointList(e *env, c *call, o *jsonOptions) error {
	if err := noArgs(c); err != nil {
		return err
	}
	return e.withStore(c, func(st *store.Store, cat *model.Catalog) error {
		fps, err := st.FocalPoints(e.ctx)
		if err != nil {
			return err
		}
		if o.JSON {
			type view struct {
				model.FocalPoint
				Org string `json:"org"`
			}
			out := make([]view, len(fps))
			for i, f := range fps {
				out[i] = view{f, cat.Acronym(f.OrgID)}
			}
			return writeJSON(e, out)
		}
		tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tORG\tNAME\tE-MAIL\tPHONE\tFROM\tTO")
		for _, f := range fps {
			name := f.Name
			if f.Placeholder {
				name += " (to be filled)"
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\n", f.ID, cat.Acronym(f.OrgID), name, f.Email, f.Phone, f.From, f.To)
		}
		return tw.Flush()
	})
}
