#!/usr/bin/python3
"""Checks iCalendar files with libical: parse errors and the iTIP
restriction check (RFC 5546) must report nothing.

Usage: libical_check.py FILE...  Prints one line per problem and exits 1
when any is found."""
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


def main():
    problems = []
    for path in sys.argv[1:]:
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
        print("%s: %d events" % (path, n))
    for p in problems:
        print(p)
    sys.exit(1 if problems else 0)


main()
