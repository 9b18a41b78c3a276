#!/usr/bin/python3
"""Reads iCalendar files with python-icalendar (Debian's python3-icalendar)
and prints, as JSON, what it understood of each event: UID, RECURRENCE-ID,
start and end in UTC (or as dates), SEQUENCE, METHOD. Exits 1 when a file
cannot be read or a component reports errors."""
import datetime
import json
import sys

import icalendar


def when(v):
    if v is None:
        return None
    d = v.dt
    if isinstance(d, datetime.datetime):
        if d.tzinfo is None:
            return "floating:" + d.isoformat()
        return d.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return d.isoformat()


def main():
    out, bad = [], False
    for path in sys.argv[1:]:
        with open(path, "rb") as f:
            cal = icalendar.Calendar.from_ical(f.read())
        for comp in cal.walk():
            if getattr(comp, "errors", None):
                print("%s: %s: %s" % (path, comp.name, comp.errors), file=sys.stderr)
                bad = True
        for ev in cal.walk("VEVENT"):
            out.append({
                "file": path,
                "method": str(cal.get("METHOD", "")),
                "uid": str(ev.get("UID")),
                "sequence": int(ev.get("SEQUENCE", 0)),
                "recurrence_id": when(ev.get("RECURRENCE-ID")),
                "start": when(ev.get("DTSTART")),
                "end": when(ev.get("DTEND")),
                "summary": str(ev.get("SUMMARY", "")),
                "attendees": len(ev.get("ATTENDEE", []) if isinstance(ev.get("ATTENDEE"), list) else ([ev.get("ATTENDEE")] if ev.get("ATTENDEE") else [])),
            })
    print(json.dumps(out))
    sys.exit(1 if bad else 0)


main()
