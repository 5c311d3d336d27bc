// Lints the OpenAPI document on stdin with Redocly's `recommended` rules and prints the problems as JSON.
// A child process of its own: @redocly/openapi-core 2 is ESM only, and the tests run as CommonJS.
import { createConfig, lintFromString } from '@redocly/openapi-core';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const config = await createConfig({ extends: ['recommended'] });
const problems = await lintFromString({ source: Buffer.concat(chunks).toString('utf8'), absoluteRef: 'openapi.json', config });
const pointer = (p) => p.location[0]?.pointer ?? '';
process.stdout.write(JSON.stringify(problems.map((p) => ({ ruleId: p.ruleId, severity: p.severity, message: p.message, pointer: pointer(p) }))));
