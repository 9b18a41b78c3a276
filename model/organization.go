package model

import (
	"net/mail"
	"regexp"
	"strings"
	"time"
)

// Organization is an intergovernmental organization: ours, or a partner.
// Exactly one organization in a database is Us.
type Organization struct {
	ID         int64     `json:"id"`
	Acronym    string    `json:"acronym"`     // INTERPOL, IOM: how people and the command line name it
	Name       string    `json:"name"`        // International Organization for Migration
	Zone       string    `json:"zone"`        // IANA zone of its headquarters, e.g. Europe/Zurich
	MailDomain string    `json:"mail_domain"` // iom.int
	Us         bool      `json:"us"`          // the organization that runs this copy of Liaison
	Modified   time.Time `json:"modified"`
}

var acronymRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9&.\-]{0,23}$`)

// Validate checks an organization on its own.
func (o *Organization) Validate() error {
	v := validator{what: "organization"}
	v.check(acronymRE.MatchString(o.Acronym), "acronym", "%q must be 1 to 24 letters, digits, '&', '.' or '-', starting with a letter or digit", o.Acronym)
	v.title("name", o.Name)
	if _, err := LoadZone(o.Zone); err != nil {
		v.add("zone", "%q is not an IANA time zone (e.g. Europe/Geneva)", o.Zone)
	}
	if o.MailDomain != "" {
		v.check(!strings.ContainsAny(o.MailDomain, " @/") && strings.Contains(o.MailDomain, "."), "mail_domain", "%q is not a mail domain such as iom.int", o.MailDomain)
	}
	return v.err()
}

// FocalPoint is the person an organization designates under Article 7 to
// liaise with the other party of an agreement, for a period.
type FocalPoint struct {
	ID          int64     `json:"id"`
	OrgID       int64     `json:"org_id"`
	AgreementID int64     `json:"agreement_id"`
	Name        string    `json:"name"`
	Title       string    `json:"title,omitempty"` // job title, e.g. Head of External Relations
	Email       string    `json:"email"`
	Phone       string    `json:"phone,omitempty"`
	From        Date      `json:"from"`                  // zero: since always
	To          Date      `json:"to"`                    // zero: until further notice
	Placeholder bool      `json:"placeholder,omitempty"` // seeded by a template, to be filled
	Modified    time.Time `json:"modified"`
}

// ActiveOn reports whether the focal point serves on day d.
func (f *FocalPoint) ActiveOn(d Date) bool {
	if !f.From.IsZero() && d.Before(f.From) {
		return false
	}
	if !f.To.IsZero() && d.After(f.To) {
		return false
	}
	return true
}

// Validate checks a focal point on its own.
func (f *FocalPoint) Validate() error {
	v := validator{what: "focal point"}
	v.check(f.OrgID != 0, "org", "must name an organization")
	v.title("name", f.Name)
	if f.Title != "" {
		v.title("title", f.Title)
	}
	if p := TextProblem(f.Phone, MaxTitle, false); p != "" {
		v.add("phone", "%s", p)
	}
	v.date("from", f.From)
	v.date("to", f.To)
	if a, err := mail.ParseAddress(f.Email); err != nil || a.Address != f.Email {
		v.add("email", "%q is not an e-mail address such as name@iom.int", f.Email)
	}
	if !f.From.IsZero() && !f.To.IsZero() {
		v.check(!f.To.Before(f.From), "to", "%s is before the start %s", f.To, f.From)
	}
	return v.err()
}

// Representative is a person named to attend a meeting for an organization.
type Representative struct {
	Name  string `json:"name"`
	Email string `json:"email,omitempty"`
	Role  string `json:"role,omitempty"`
}

// ParseRepresentative reads "Name <mail@domain>" or a bare name.
func ParseRepresentative(s string) (Representative, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Representative{}, Invalid("representative", "must not be empty")
	}
	if strings.Contains(s, "<") || strings.Contains(s, "@") {
		a, err := mail.ParseAddress(s)
		if err != nil {
			return Representative{}, Invalid("representative", "%q is not of the form \"Name <mail@domain>\"", s)
		}
		return Representative{Name: a.Name, Email: a.Address}, nil
	}
	return Representative{Name: s}, nil
}

// String formats a representative as "Name <mail>".
func (r Representative) String() string {
	switch {
	case r.Email == "":
		return r.Name
	case r.Name == "":
		return r.Email
	}
	return r.Name + " <" + r.Email + ">"
}
