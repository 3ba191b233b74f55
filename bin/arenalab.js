#!/usr/bin/env node
'use strict';
// Thin launcher so `arenalab` works from the root package; the CLI itself lives in server/.
const path = require('node:path');
const fs = require('node:fs');
const entry = path.join(__dirname, '..', 'server', 'out', 'cli', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('arenalab: the CLI is not built yet. Run `npm run build` in ' + path.dirname(__dirname) + ' first.\n');
  process.exit(2);
}
require(entry).main(process.argv).then(
  (code) => { process.exitCode = code; },
  (error) => {
    process.stderr.write('arenalab: ' + (error && error.stack ? error.stack : String(error)) + '\n');
    process.exitCode = 1;
  },
);
