package caldav

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Client speaks the little of WebDAV and CalDAV that the office calendar
// needs (RFC 4918, 4791, 6578): PROPFIND, REPORT (calendar-multiget,
// sync-collection), conditional PUT and DELETE, MKCALENDAR.
type Client struct {
	coll *url.URL // the collection, its path ending in '/'
	user string
	pass string
	hc   *http.Client
}

// CheckURL accepts https:// addresses, and http:// only to this machine
// (127.0.0.1, ::1 or localhost), for testing.
func CheckURL(raw string) (*url.URL, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return nil, fmt.Errorf("%q is not a web address such as https://dav.example.org/calendars/office/", raw)
	}
	switch u.Scheme {
	case "https":
	case "http":
		host := u.Hostname()
		ip := net.ParseIP(host)
		if host != "localhost" && (ip == nil || !ip.IsLoopback()) {
			return nil, fmt.Errorf("%s: the office calendar needs https:// (plain http:// is accepted only to this machine, for testing)", u.Redacted())
		}
	default:
		return nil, fmt.Errorf("%s: the office calendar needs an https:// address", u.Redacted())
	}
	if u.User != nil {
		return nil, fmt.Errorf("give the user with --user, not inside the address")
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	u.RawPath = ""
	return u, nil
}

// NewClient returns a client for the collection at rawURL.
func NewClient(rawURL, user, password string) (*Client, error) {
	u, err := CheckURL(rawURL)
	if err != nil {
		return nil, err
	}
	return &Client{coll: u, user: user, pass: password, hc: &http.Client{Timeout: 60 * time.Second}}, nil
}

// URL returns the collection's address.
func (c *Client) URL() string { return c.coll.String() }

// StatusError is an answer from the server that is not a success.
type StatusError struct {
	Method, Href string
	Code         int
}

func (e *StatusError) Error() string {
	switch e.Code {
	case http.StatusUnauthorized:
		return "the server refused the user name or password (401)"
	case http.StatusForbidden:
		return fmt.Sprintf("the server does not let this user %s %s (403)", strings.ToLower(e.Method), e.Href)
	case http.StatusInsufficientStorage:
		return "the server's storage quota is full (507)"
	case http.StatusPreconditionFailed:
		return fmt.Sprintf("%s changed on the server meanwhile (412)", e.Href)
	}
	return fmt.Sprintf("%s %s: the server answered %d %s", e.Method, e.Href, e.Code, http.StatusText(e.Code))
}

// IsStatus reports whether err is a StatusError with that code.
func IsStatus(err error, code int) bool {
	var se *StatusError
	return errors.As(err, &se) && se.Code == code
}

// resolve turns an href (a path, or a full URL) into a URL on the server.
func (c *Client) resolve(href string) string {
	ref, err := url.Parse(href)
	if err != nil {
		return c.coll.String()
	}
	return c.coll.ResolveReference(ref).String()
}

// hrefFor returns the href of a record's resource: the collection's path
// and the UID, escaped.
func (c *Client) hrefFor(uid string) string {
	return (&url.URL{Path: c.coll.Path + uid + ".ics"}).EscapedPath()
}

// key normalizes an href (escaped or not, full URL or path) for comparison.
func key(href string) string {
	if s, err := url.PathUnescape(href); err == nil {
		href = s
	}
	u, err := url.Parse(href)
	if err != nil {
		return href
	}
	return u.Path
}

func (c *Client) do(ctx context.Context, method, href string, hdr map[string]string, body []byte) (*http.Response, []byte, error) {
	req, err := http.NewRequestWithContext(ctx, method, c.resolve(href), bytes.NewReader(body))
	if err != nil {
		return nil, nil, err
	}
	if c.user != "" || c.pass != "" {
		req.SetBasicAuth(c.user, c.pass)
	}
	req.ContentLength = int64(len(body))
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, nil, fmt.Errorf("cannot reach %s: %w", c.coll.Host, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 256<<20))
	if err != nil {
		return nil, nil, fmt.Errorf("%s %s: the answer was cut: %w", method, href, err)
	}
	if resp.StatusCode >= 300 {
		return resp, data, &StatusError{Method: method, Href: href, Code: resp.StatusCode}
	}
	return resp, data, nil
}

const xmlHead = `<?xml version="1.0" encoding="utf-8"?>` + "\n"

// Collection is what the server says about the collection.
type Collection struct {
	Exists      bool
	IsCalendar  bool
	DisplayName string
	CanWrite    bool   // the user may write (true when the server does not say)
	SyncToken   string // non-empty when RFC 6578 is offered
	SyncReport  bool   // sync-collection is offered
}

// Collection reads the collection's properties (PROPFIND, depth 0).
func (c *Client) Collection(ctx context.Context) (Collection, error) {
	body := xmlHead + `<d:propfind xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:prop>
<d:resourcetype/><d:displayname/><d:current-user-privilege-set/><d:sync-token/><d:supported-report-set/>
</d:prop></d:propfind>`
	_, data, err := c.do(ctx, "PROPFIND", c.coll.Path, map[string]string{"Depth": "0", "Content-Type": "application/xml; charset=utf-8"}, []byte(body))
	if IsStatus(err, http.StatusNotFound) {
		return Collection{}, nil
	}
	if err != nil {
		return Collection{}, err
	}
	ms, err := parseMultistatus(data)
	if err != nil {
		return Collection{}, fmt.Errorf("PROPFIND %s: %w", c.coll.Path, err)
	}
	out := Collection{CanWrite: true}
	for _, r := range ms.Responses { // depth 0: the collection's own answer
		if strings.Contains(r.Status, " 404") {
			continue
		}
		out.Exists = true
		for _, ps := range r.Propstats {
			if !ps.ok() {
				continue
			}
			p := ps.Prop
			if p.ResourceType != nil && p.ResourceType.Calendar != nil {
				out.IsCalendar = true
			}
			if p.DisplayName != "" {
				out.DisplayName = p.DisplayName
			}
			if p.SyncToken != "" {
				out.SyncToken = p.SyncToken
			}
			if p.Privileges != nil {
				out.CanWrite = p.Privileges.canWrite()
			}
			if p.Reports != nil && p.Reports.has("sync-collection") {
				out.SyncReport = true
			}
		}
	}
	if out.SyncToken != "" {
		out.SyncReport = true
	}
	return out, nil
}

// MakeCalendar creates the collection as a calendar named name.
func (c *Client) MakeCalendar(ctx context.Context, name string) error {
	body := xmlHead + `<c:mkcalendar xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:set><d:prop><d:displayname>` +
		xmlEscape(name) + `</d:displayname><c:supported-calendar-component-set><c:comp name="VEVENT"/><c:comp name="VTODO"/><c:comp name="VJOURNAL"/></c:supported-calendar-component-set></d:prop></d:set></c:mkcalendar>`
	_, _, err := c.do(ctx, "MKCALENDAR", c.coll.Path, map[string]string{"Content-Type": "application/xml; charset=utf-8"}, []byte(body))
	return err
}

// Member is one resource of the collection and its ETag.
type Member struct {
	Href string
	ETag string
}

// List lists the collection's calendar resources with their ETags
// (PROPFIND, depth 1): for servers without sync-collection.
func (c *Client) List(ctx context.Context) ([]Member, error) {
	body := xmlHead + `<d:propfind xmlns:d="DAV:"><d:prop><d:getetag/><d:resourcetype/></d:prop></d:propfind>`
	_, data, err := c.do(ctx, "PROPFIND", c.coll.Path, map[string]string{"Depth": "1", "Content-Type": "application/xml; charset=utf-8"}, []byte(body))
	if err != nil {
		return nil, err
	}
	ms, err := parseMultistatus(data)
	if err != nil {
		return nil, fmt.Errorf("PROPFIND %s: %w", c.coll.Path, err)
	}
	var out []Member
	for _, r := range ms.Responses {
		if key(r.Href) == key(c.coll.Path) || strings.HasSuffix(r.Href, "/") {
			continue
		}
		for _, ps := range r.Propstats {
			if ps.ok() && ps.Prop.ETag != "" {
				out = append(out, Member{Href: r.Href, ETag: ps.Prop.ETag})
			}
		}
	}
	return out, nil
}

// ErrTokenExpired says the server no longer knows the sync token: list
// the whole collection instead.
var ErrTokenExpired = errors.New("the server no longer knows the sync token")

// SyncCollection asks what changed since token ("" for everything): the
// members changed or added, the hrefs removed, and the new token.
func (c *Client) SyncCollection(ctx context.Context, token string) (changed []Member, removed []string, next string, err error) {
	body := xmlHead + `<d:sync-collection xmlns:d="DAV:"><d:sync-token>` + xmlEscape(token) +
		`</d:sync-token><d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>`
	_, data, err := c.do(ctx, "REPORT", c.coll.Path, map[string]string{"Depth": "1", "Content-Type": "application/xml; charset=utf-8"}, []byte(body))
	if err != nil {
		if token != "" && (IsStatus(err, http.StatusForbidden) || IsStatus(err, http.StatusConflict) || IsStatus(err, http.StatusPreconditionFailed)) {
			return nil, nil, "", ErrTokenExpired
		}
		return nil, nil, "", err
	}
	ms, err := parseMultistatus(data)
	if err != nil {
		return nil, nil, "", fmt.Errorf("sync-collection: %w", err)
	}
	for _, r := range ms.Responses {
		if key(r.Href) == key(c.coll.Path) || strings.HasSuffix(r.Href, "/") {
			continue
		}
		if r.Status != "" && strings.Contains(r.Status, " 404") {
			removed = append(removed, r.Href)
			continue
		}
		for _, ps := range r.Propstats {
			if ps.ok() && ps.Prop.ETag != "" {
				changed = append(changed, Member{Href: r.Href, ETag: ps.Prop.ETag})
			}
		}
	}
	return changed, removed, ms.SyncToken, nil
}

// Object is one resource's text and ETag.
type Object struct {
	Href string
	ETag string
	Data []byte
}

// MultiGet fetches many resources at once (calendar-multiget, RFC 4791
// §7.9). Hrefs the server no longer has are left out.
func (c *Client) MultiGet(ctx context.Context, hrefs []string) ([]Object, error) {
	var b strings.Builder
	b.WriteString(xmlHead + `<c:calendar-multiget xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:prop><d:getetag/><c:calendar-data/></d:prop>`)
	for _, h := range hrefs {
		b.WriteString("<d:href>" + xmlEscape(h) + "</d:href>")
	}
	b.WriteString("</c:calendar-multiget>")
	_, data, err := c.do(ctx, "REPORT", c.coll.Path, map[string]string{"Depth": "1", "Content-Type": "application/xml; charset=utf-8"}, []byte(b.String()))
	if err != nil {
		return nil, err
	}
	ms, err := parseMultistatus(data)
	if err != nil {
		return nil, fmt.Errorf("calendar-multiget: %w", err)
	}
	var out []Object
	for _, r := range ms.Responses {
		for _, ps := range r.Propstats {
			if ps.ok() && ps.Prop.CalendarData != "" {
				out = append(out, Object{Href: r.Href, ETag: ps.Prop.ETag, Data: []byte(ps.Prop.CalendarData)})
			}
		}
	}
	return out, nil
}

// Get fetches one resource.
func (c *Client) Get(ctx context.Context, href string) (Object, error) {
	resp, data, err := c.do(ctx, http.MethodGet, href, nil, nil)
	if err != nil {
		return Object{}, err
	}
	return Object{Href: href, ETag: resp.Header.Get("ETag"), Data: data}, nil
}

// Put writes a resource: with If-Match etag, or If-None-Match: * when
// etag is "" (a new resource, never overwriting one a colleague made
// meanwhile), or unconditionally when etag is "-". It returns the new ETag
// ("" when the server gave none).
func (c *Client) Put(ctx context.Context, href string, data []byte, etag string) (string, error) {
	hdr := map[string]string{"Content-Type": "text/calendar; charset=utf-8"}
	switch etag {
	case "":
		hdr["If-None-Match"] = "*"
	case "-":
	default:
		hdr["If-Match"] = etag
	}
	resp, _, err := c.do(ctx, http.MethodPut, href, hdr, data)
	if err != nil {
		return "", err
	}
	return resp.Header.Get("ETag"), nil
}

// Delete removes a resource if it is still at etag ("" for any).
func (c *Client) Delete(ctx context.Context, href, etag string) error {
	var hdr map[string]string
	if etag != "" {
		hdr = map[string]string{"If-Match": etag}
	}
	_, _, err := c.do(ctx, http.MethodDelete, href, hdr, nil)
	return err
}
