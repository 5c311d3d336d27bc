import { AddressInfo } from 'node:net';
import { Server } from 'node:http';
import { Writable } from 'node:stream';
import express from 'express';
import { noteCommand } from '../context/request-context';
import { requestTracking } from '../http/request-tracking';
import { Metrics } from '../metrics/metrics';
import { createJsonLogger } from './json-logger';
import { logSettingsFrom } from './log-settings';

/** A pino destination that keeps every line written. */
function lines(): { stream: Writable; read(): Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return {
    stream,
    read: () =>
      chunks
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe('structured logs', () => {
  const out = lines();
  const logger = createJsonLogger({ level: 'info', format: 'json' }, out.stream);
  const metrics = new Metrics({ defaultMetrics: false });
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const app = express();
    app.use(requestTracking(metrics, logger));
    app.post('/api/transfers/:caseId/propose', async (req, res) => {
      noteCommand('ProposeCandidate', req.params.caseId);
      await new Promise((resolve) => setImmediate(resolve));
      logger.log('checking the candidate', 'Commands');
      res.status(200).json({ ok: true });
    });
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('writes a line inside a request as one JSON object with its requestId, commandType and caseId', async () => {
    const answer = await fetch(`${base}/api/transfers/case-42/propose`, { method: 'POST', headers: { 'X-Request-Id': 'req-7f3a' } });
    expect(answer.headers.get('x-request-id')).toBe('req-7f3a');
    const line = out.read().find((l) => l.msg === 'checking the candidate');
    expect(line).toMatchObject({ level: 'info', context: 'Commands', requestId: 'req-7f3a', commandType: 'ProposeCandidate', caseId: 'case-42' });
    expect(new Date(String(line?.time)).toISOString()).toBe(line?.time);
  });

  it('logs each request once at completion with method, route template, status and ms', async () => {
    await fetch(`${base}/api/transfers/case-43/propose`, { method: 'POST', headers: { 'X-Request-Id': 'req-done' } });
    const done = out.read().filter((l) => l.context === 'Http' && l.requestId === 'req-done');
    expect(done).toHaveLength(1);
    expect(done[0]).toMatchObject({ method: 'POST', route: '/api/transfers/:caseId/propose', status: 200, caseId: 'case-43' });
    expect(typeof done[0]?.ms).toBe('number');
  });

  it('generates a request id when none (or an unusable one) is sent, and echoes it', async () => {
    const none = await fetch(`${base}/nowhere`);
    const hostile = await fetch(`${base}/nowhere`, { headers: { 'X-Request-Id': 'x'.repeat(300) } });
    for (const answer of [none, hostile]) expect(answer.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(out.read().filter((l) => l.route === 'unmatched' && l.status === 404)).toHaveLength(2);
  });

  it('keeps a line written outside any request free of request facts', () => {
    logger.warn('a worker line', 'Scheduler');
    const line = out.read().find((l) => l.msg === 'a worker line');
    expect(line).toMatchObject({ level: 'warn', context: 'Scheduler' });
    expect(line).not.toHaveProperty('requestId');
  });

  it('is pretty in a terminal or with LOG_FORMAT=pretty, JSON otherwise, and refuses an unknown LOG_LEVEL', () => {
    expect(logSettingsFrom({}, true)).toEqual({ level: 'info', format: 'pretty' });
    expect(logSettingsFrom({}, false)).toEqual({ level: 'info', format: 'json' });
    expect(logSettingsFrom({ LOG_FORMAT: 'pretty', LOG_LEVEL: 'debug' }, false)).toEqual({ level: 'debug', format: 'pretty' });
    expect(logSettingsFrom({ LOG_FORMAT: 'json' }, true).format).toBe('json');
    expect(() => logSettingsFrom({ LOG_LEVEL: 'loud' }, false)).toThrow(/LOG_LEVEL/);
  });
});
