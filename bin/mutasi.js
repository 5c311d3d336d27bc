#!/usr/bin/env node
'use strict';
// `npx mutasi <command>`: runs the built command line (npm run build first; npm start and npm test build it too).
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const entry = join(__dirname, '..', 'dist', 'apps', 'cli', 'src', 'main.js');
if (!existsSync(entry)) {
  process.stderr.write('mutasi: not built yet — run `npm run build` first\n');
  process.exit(2);
}
require(entry);
