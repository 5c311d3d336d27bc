'use strict';
// npm run api:generate: writes the OpenAPI document and its TypeScript types for the web app, then lints the document.
require('./ts-register');
require('reflect-metadata');
const fs = require('node:fs');
const path = require('node:path');
const { API_FILES, apiArtifacts, lintDocument } = require('./api-contract.ts');

apiArtifacts()
  .then(({ document, types }) => {
    fs.mkdirSync(path.dirname(API_FILES.document), { recursive: true });
    fs.writeFileSync(API_FILES.document, document);
    fs.writeFileSync(API_FILES.types, types);
    for (const file of Object.values(API_FILES)) process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
    const problems = lintDocument(document);
    for (const p of problems) process.stdout.write(`${p.severity} ${p.ruleId} ${p.pointer}: ${p.message}\n`);
    const errors = problems.filter((p) => p.severity === 'error').length;
    process.stdout.write(`lint (@redocly/openapi-core, recommended): ${errors} errors, ${problems.length - errors} warnings\n`);
    if (errors > 0) process.exitCode = 1;
  })
  .catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
