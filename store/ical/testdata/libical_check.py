#!/usr/bin/python3
"""Checks iCalendar files with libical: parse errors and the iTIP
restriction check (RFC 5546) must report nothing.

Usage: libical_check.py [--times] FILE...  Prints one line per problem
and exits 1 when any is found. With --times, prints instead, as JSON, the
instants libical resolves for each event (start and end in UTC, through the
file's own VTIMEZONE), for the caller to compare."""
import datetime
import json
import sys

import gi

gi.require_version("ICalGLib", "3.0")
from gi.repository import ICalGLib  # noqa: E402


def errors(comp, path, out):
    prop = comp.get_first_property(ICalGLib.PropertyKind.XLICERROR_PROPERTY)
    while prop is not None:
        out.append("%s: %s: %s" % (path, ICalGLib.Component.kind_to_string(comp.isa()), prop.get_xlicerror()))
        prop = comp.get_next_property(ICalGLib.PropertyKind.XLICERROR_PROPERTY)
    child = comp.get_first_component(ICalGLib.ComponentKind.ANY_COMPONENT)
    while child is not None:
        errors(child, path, out)
        child = comp.get_next_component(ICalGLib.ComponentKind.ANY_COMPONENT)


def utc(comp, ev, kind, get):
    prop = ev.get_first_property(kind)
    if prop is None:
        return None
    t = get()
    if t.is_date():
        return "%04d-%02d-%02d" % (t.get_year(), t.get_month(), t.get_day())
    tzid = prop.get_parameter_as_string("TZID")
    secs = t.as_timet_with_zone(comp.get_timezone(tzid)) if tzid else t.as_timet()
    return datetime.datetime.fromtimestamp(secs, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def times(comp, path, out):
    ev = comp.get_first_component(ICalGLib.ComponentKind.VEVENT_COMPONENT)
    while ev is not None:
        rid = ev.get_first_property(ICalGLib.PropertyKind.RECURRENCEID_PROPERTY)
        out.append({"file": path, "uid": ev.get_uid(),
                    "recurrence_id": None if rid is None else rid.get_value_as_string(),
                    "start": utc(comp, ev, ICalGLib.PropertyKind.DTSTART_PROPERTY, ev.get_dtstart),
                    "end": utc(comp, ev, ICalGLib.PropertyKind.DTEND_PROPERTY, ev.get_dtend)})
        ev = comp.get_next_component(ICalGLib.ComponentKind.VEVENT_COMPONENT)


def main():
    problems = []
    want_times = sys.argv[1:2] == ["--times"]
    resolved = []
    for path in sys.argv[2:] if want_times else sys.argv[1:]:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        comp = ICalGLib.Component.new_from_string(text)
        if comp is None:
            problems.append("%s: libical could not parse the file" % path)
            continue
        errors(comp, path, problems)  # parse errors first
        if not problems:
            ICalGLib.restriction_check(comp)
            errors(comp, path, problems)
        n = 0
        ev = comp.get_first_component(ICalGLib.ComponentKind.VEVENT_COMPONENT)
        while ev is not None:
            n += 1
            ev = comp.get_next_component(ICalGLib.ComponentKind.VEVENT_COMPONENT)
        if want_times:
            times(comp, path, resolved)
        else:
            print("%s: %d events" % (path, n))
    if want_times:
        print(json.dumps(resolved))
    for p in problems:
        print(p, file=sys.stderr if want_times else sys.stdout)
    sys.exit(1 if problems else 0)


main()
