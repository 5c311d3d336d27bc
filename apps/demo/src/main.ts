import { readFileSync } from 'node:fs';
import { MutasiHttp, runDemo, UnexpectedAnswer } from '@mutasi/demo-data';

/**
 * `npm run demo`: drives, over HTTP against a running `npm start`, one complete case per route family through all
 * six stages, and two refused attempts, printing each step (the story is `runDemo` of libs/demo-data).
 * Against `npm run start:distributed`: MUTASI_URL=http://127.0.0.1:3001 MUTASI_TOKENS_FILE=.data/distributed/tokens.json
 * (no demo clock there, so the evaluations are left for their due dates).
 */
const base = process.env.MUTASI_URL ?? `http://127.0.0.1:${process.env.PORT ?? '3000'}`;
const tokensFile = process.env.MUTASI_TOKENS_FILE;
const http = new MutasiHttp(base, tokensFile ? (JSON.parse(readFileSync(tokensFile, 'utf8')) as Record<string, string>) : {});

runDemo(http, (line) => void process.stdout.write(`${line}\n`), { tokensFile: tokensFile !== undefined }).catch((error: unknown) => {
  process.stderr.write(`demo failed: ${error instanceof UnexpectedAnswer || error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
