// Reads iCalendar files with Mozilla's ical.js (the parser in Thunderbird)
// and prints, as JSON, the instants it resolves for each event: start and
// end in UTC, and for a recurring event its first occurrences (exceptions
// and moved occurrences applied). Exits 1 when a file cannot be parsed, 2
// when ical.js cannot be loaded.
//
// Usage: node icaljs_check.js ICALJS_MODULE_DIR FILE...
'use strict';
const fs = require('fs');
const loadICAL = require('./icaljs_load.js');

function iso(t) {
  if (!t) return null;
  if (t.isDate) return t.toString();
  return t.toJSDate().toISOString().replace('.000Z', 'Z');
}

function check(ICAL, files) {
  const out = [];
  let bad = false;
  for (const file of files) {
    try {
      const comp = new ICAL.Component(ICAL.parse(fs.readFileSync(file, 'utf8')));
      for (const tz of comp.getAllSubcomponents('vtimezone')) {
        ICAL.TimezoneService.register(tz);
      }
      const vevents = comp.getAllSubcomponents('vevent');
      const exceptions = vevents.filter((v) => v.hasProperty('recurrence-id'));
      for (const v of vevents) {
        const ev = new ICAL.Event(v);
        const rec = { file, method: comp.getFirstPropertyValue('method'), uid: ev.uid, sequence: ev.sequence,
          recurrence_id: v.hasProperty('recurrence-id') ? iso(ev.recurrenceId) : null,
          start: iso(ev.startDate), end: iso(ev.endDate), summary: ev.summary,
          tzid: ev.startDate && ev.startDate.timezone ? ev.startDate.timezone : null,
          attendees: v.getAllProperties('attendee').length };
        if (ev.isRecurring() && !rec.recurrence_id) {
          for (const x of exceptions) if (x.getFirstPropertyValue('uid') === ev.uid) ev.relateException(x);
          const it = ev.iterator();
          const occ = [];
          for (let n = 0, next; n < 60 && (next = it.next()); n++) {
            const d = ev.getOccurrenceDetails(next);
            occ.push({ recurrence_id: iso(d.recurrenceId), start: iso(d.startDate), end: iso(d.endDate) });
          }
          rec.occurrences = occ;
        }
        out.push(rec);
      }
    } catch (e) {
      process.stderr.write(file + ': ' + e + '\n');
      bad = true;
    }
  }
  process.stdout.write(JSON.stringify(out));
  process.exitCode = bad ? 1 : 0;
}

loadICAL(process.argv[2]).then((ICAL) => check(ICAL, process.argv.slice(3)), (e) => {
  process.stderr.write('ical.js cannot be loaded from ' + process.argv[2] + ': ' + e + '\n');
  process.exitCode = 2;
});
