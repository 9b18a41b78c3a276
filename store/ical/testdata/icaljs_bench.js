// Parses one iCalendar file with Mozilla's ical.js, as the benchmark
// compares Liaison's import with it: reads the file, ICAL.parse, walks every
// VEVENT and reads its UID and start as an instant (so that zones are
// resolved), and prints JSON with the events, seconds, MB/s and peak
// resident memory (VmHWM). ICAL.Event is not used: it costs about 3 ms per
// event here (0.3 MB/s), which would compare Liaison with a straw man.
//
// Usage: node --max-old-space-size=8192 icaljs_bench.js ICALJS_MODULE_DIR FILE
'use strict';
const fs = require('fs');
const loadICAL = require('./icaljs_load.js');

function bench(ICAL, file) {
  const t0 = process.hrtime.bigint();
  const text = fs.readFileSync(file, 'utf8');
  const comp = new ICAL.Component(ICAL.parse(text));
  for (const tz of comp.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  let n = 0;
  for (const v of comp.getAllSubcomponents('vevent')) {
    v.getFirstPropertyValue('uid');
    const start = v.getFirstPropertyValue('dtstart');
    if (start) start.toUnixTime();
    n++;
  }
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const status = fs.readFileSync('/proc/self/status', 'utf8');
  const hwm = Number(/VmHWM:\s+(\d+) kB/.exec(status)[1]) * 1024;
  const size = fs.statSync(file).size;
  process.stdout.write(JSON.stringify({ events: n, seconds: secs, mb_per_s: size / 1e6 / secs, peak_bytes: hwm, file_bytes: size }));
}

loadICAL(process.argv[2]).then((ICAL) => bench(ICAL, process.argv[3]), (e) => {
  process.stderr.write('ical.js cannot be loaded from ' + process.argv[2] + ': ' + e + '\n');
  process.exitCode = 2;
});
