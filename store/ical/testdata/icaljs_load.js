// Loads Mozilla's ical.js from its package directory for the check and
// benchmark scripts beside this file. ical.js 2.x is an ES module, which
// Node 18 (Debian 12's) cannot require() (ERR_REQUIRE_ESM), so it is loaded
// with import(), which every Node since 12 has in CommonJS too. The entry is
// the package's "import" export, else its "main".
//
// Usage: const ICAL = await require('./icaljs_load.js')(ICALJS_MODULE_DIR);
'use strict';
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');

module.exports = async function loadICAL(dir) {
  dir = path.resolve(dir);
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const exp = pkg.exports && (typeof pkg.exports === 'string' ? pkg.exports : pkg.exports.import);
  const entry = path.join(dir, exp || pkg.main || 'index.js');
  const mod = await import(pathToFileURL(entry).href);
  return mod.default || mod;
};
