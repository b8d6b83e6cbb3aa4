#!/usr/bin/env node
// The `bulkhead` command: runs the bundled CLI (built by `npm run build`).
'use strict';
const path = require('node:path');
const fs = require('node:fs');
const cli = path.join(__dirname, '..', 'server', 'out', 'cli.js');
if (!fs.existsSync(cli)) {
  process.stderr.write('bulkhead: the CLI is not built yet. Run `npm run build` in ' + path.join(__dirname, '..') + ' first.\n');
  process.exit(2);
}
require(cli);
