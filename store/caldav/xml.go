package caldav

import (
	"bytes"
	"encoding/xml"
	"strings"
)

// The WebDAV multistatus answer, as much of it as the client reads.

type multistatus struct {
	XMLName   xml.Name   `xml:"DAV: multistatus"`
	Responses []response `xml:"DAV: response"`
	SyncToken string     `xml:"DAV: sync-token"`
}

type response struct {
	Href      string     `xml:"DAV: href"`
	Status    string     `xml:"DAV: status"`
	Propstats []propstat `xml:"DAV: propstat"`
}

type propstat struct {
	Prop   prop   `xml:"DAV: prop"`
	Status string `xml:"DAV: status"`
}

func (ps *propstat) ok() bool { return ps.Status == "" || strings.Contains(ps.Status, " 200") }

type prop struct {
	ResourceType *resourceType `xml:"DAV: resourcetype"`
	DisplayName  string        `xml:"DAV: displayname"`
	ETag         string        `xml:"DAV: getetag"`
	SyncToken    string        `xml:"DAV: sync-token"`
	Privileges   *privileges   `xml:"DAV: current-user-privilege-set"`
	Reports      *reports      `xml:"DAV: supported-report-set"`
	CalendarData string        `xml:"urn:ietf:params:xml:ns:caldav calendar-data"`
}

type resourceType struct {
	Calendar *struct{} `xml:"urn:ietf:params:xml:ns:caldav calendar"`
}

type anyElems struct {
	Elems []struct {
		XMLName xml.Name
	} `xml:",any"`
}

type privileges struct {
	Privileges []anyElems `xml:"DAV: privilege"`
}

func (p *privileges) canWrite() bool {
	for _, pr := range p.Privileges {
		for _, e := range pr.Elems {
			switch e.XMLName.Local {
			case "all", "write", "write-content":
				return true
			}
		}
	}
	return false
}

type reports struct {
	Supported []struct {
		Report anyElems `xml:"DAV: report"`
	} `xml:"DAV: supported-report"`
}

func (r *reports) has(name string) bool {
	for _, s := range r.Supported {
		for _, e := range s.Report.Elems {
			if e.XMLName.Local == name {
				return true
			}
		}
	}
	return false
}

func parseMultistatus(data []byte) (*multistatus, error) {
	var ms multistatus
	d := xml.NewDecoder(bytes.NewReader(data))
	if err := d.Decode(&ms); err != nil {
		return nil, err
	}
	return &ms, nil
}

func xmlEscape(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}
