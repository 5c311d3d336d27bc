// Prints the TypeScript types (openapi-typescript) of the OpenAPI document on stdin, for openapi-fetch.
// A child process of its own: openapi-typescript loads ES modules, and the tests run as CommonJS.
import openapiTS, { astToString } from 'openapi-typescript';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
process.stdout.write(astToString(await openapiTS(JSON.parse(Buffer.concat(chunks).toString('utf8')))));
