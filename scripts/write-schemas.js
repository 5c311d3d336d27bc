'use strict';
// Writes the integration-event JSON Schemas to docs/integration-events (npm run docs:schemas); a test keeps them current.
require('./ts-register');
const fs = require('node:fs');
const path = require('node:path');
const { schemaDocuments } = require('../libs/messaging/src/schema-docs.ts');

const dir = path.join(__dirname, '..', 'docs', 'integration-events');
fs.mkdirSync(dir, { recursive: true });
for (const [name, text] of Object.entries(schemaDocuments())) fs.writeFileSync(path.join(dir, name), text);
process.stdout.write(`wrote ${Object.keys(schemaDocuments()).length} schemas to ${path.relative(process.cwd(), dir)}\n`);
