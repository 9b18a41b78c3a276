package store

import (
	"github.com/liaison-app/liaison/assets"
	"github.com/liaison-app/liaison/model"
)

// TemplateCatalog is the catalog a database seeded from the agreement
// template key starts with (no organization is us), and the focal points
// it designates, numbered from 1 as if stored in an empty database. The
// office calendar takes it as the copy two databases seeded from the same
// template agreed on before their first sync, so that an edit made on one
// side wins over the other's untouched template copy without a conflict.
func TemplateCatalog(key string) (*model.Catalog, []model.FocalPoint, error) {
	raw, err := assets.Template(key)
	if err != nil {
		return nil, nil, model.Invalid("template", "unknown agreement template %q", key)
	}
	data, err := parseTemplate(key, raw)
	if err != nil {
		return nil, nil, err
	}
	for i := range data.Orgs {
		data.Orgs[i].ID = int64(i + 1)
	}
	a := data.Agreement
	a.ID = 1
	for i := range a.Areas {
		a.Areas[i].ID, a.Areas[i].AgreementID = int64(i+1), a.ID
	}
	for _, in := range data.interests {
		a.Interests = append(a.Interests, model.Interest{OrgID: int64(in[0] + 1), AreaID: int64(in[1] + 1)})
	}
	fps := data.FocalPoints
	for i := range fps {
		fps[i].AgreementID = a.ID
	}
	return model.NewCatalog(data.Orgs, []model.Agreement{a}), fps, nil
}
