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
			flags: func(fs *flag.FlagSet) {
				fs.String("org", "", "the organization's acronym")
				fs.String("name", "", "the person's name")
				fs.String("title", "", "the person's job title")
				fs.String("email", "", "e-mail address")
				fs.String("phone", "", "telephone")
				fs.String("from", "", "first day in the role, YYYY-MM-DD")
				fs.String("to", "", "last day in the role, YYYY-MM-DD")
				fs.String("agreement", "", "the agreement's key (needed only when the organization is party to several)")
			}, run: runFocalPointAdd},
		{name: "focal-point list", args: "[--json]", summary: "list focal points",
			flags: func(fs *flag.FlagSet) { fs.Bool("json", false, "print JSON") }, run: runFocalPointList},
	}
}

func runFocalPointAdd(e *env, c *call) error {
	if err := noArgs(c); err != nil {
		return err
	}
	for _, f := range []string{"org", "name", "email"} {
		if !set(c.fs, f) {
			return usagef("--%s is required", f)
		}
	}
	return e.withStore(c, func(st *store.Store, cat *model.Catalog) error {
		str := func(n string) string { return strings.TrimSpace(c.fs.Lookup(n).Value.String()) }
		o, err := cat.OrgByAcronym("org", str("org"))
		if err != nil {
			return err
		}
		g, err := agreementFor(cat, o, str("agreement"))
		if err != nil {
			return err
		}
		fp := &model.FocalPoint{OrgID: o.ID, AgreementID: g.ID, Name: str("name"), Title: str("title"), Email: str("email"), Phone: str("phone")}
		if fp.From, err = optDate("from", str("from")); err != nil {
			return err
		}
		if fp.To, err = optDate("to", str("to")); err != nil {
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

func runFocalPointList(e *env, c *call) error {
	if err := noArgs(c); err != nil {
		return err
	}
	return e.withStore(c, func(st *store.Store, cat *model.Catalog) error {
		fps, err := st.FocalPoints(e.ctx)
		if err != nil {
			return err
		}
		if c.fs.Lookup("json").Value.String() == "true" {
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
