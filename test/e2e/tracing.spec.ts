import { Client } from 'pg';
import { AGENCY, CaseDriver, MutasiHttp, positionId, SAMPLE_NIP } from '@mutasi/demo-data';
import { createTestDatabase, eventually } from '@mutasi/testing';
import { ReceivedSpan, SPAN_KIND, startOtlpReceiver, startTracedServer } from './tracing-support';

jest.setTimeout(300_000);

/**
 * OpenTelemetry over OTLP/HTTP, as an operator would switch it on: the real server in its own process with
 * OTEL_EXPORTER_OTLP_ENDPOINT pointing at a receiver on loopback. One command over HTTP gives one trace holding the
 * HTTP server span and the PostgreSQL spans of that command, and its stored events keep that trace for the relay.
 */
describe('tracing (OTLP/HTTP)', () => {
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
  let server: Awaited<ReturnType<typeof startTracedServer>>;
  let database: Awaited<ReturnType<typeof createTestDatabase>>;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    database = await createTestDatabase('mutasi_traced');
    server = await startTracedServer(database.url, receiver.url);
  });
  afterAll(async () => {
    await server?.stop();
    await receiver?.close();
    await database?.drop();
  });

  it('exports one trace per command: the HTTP server span and the pg spans under it, with the service name', async () => {
    const http = new MutasiHttp(server.url);
    const d = new CaseDriver(http, positionId(AGENCY.bandarLestari, 'auditor'), SAMPLE_NIP.clean);
    await d.open();
    const opened = await eventually(
      () => receiver.spans.find((s) => s.kind === SPAN_KIND.SERVER && s.attributes['http.request.method'] === 'POST' && s.attributes['url.path'] === '/api/transfers'),
      30_000,
      'the server span of POST /api/transfers',
    );
    expect(opened.service).toBe('mutasi');
    const inTrace = (): ReceivedSpan[] => receiver.spans.filter((s) => s.traceId === opened.traceId);
    const pg = await eventually(
      () => {
        const spans = inTrace().filter((s) => s.kind === SPAN_KIND.CLIENT && s.attributes['db.system.name'] === 'postgresql');
        return spans.some((s) => /INSERT/i.test(String(s.attributes['db.query.text'] ?? s.name))) ? spans : undefined;
      },
      30_000,
      'the pg spans of the command',
    );
    expect(pg.length).toBeGreaterThan(1);
    // Every span of the trace hangs from the server span (no orphan from another request). Spans are exported in
    // batches, so a parent may arrive after its children: wait for the trace to be whole, then check it.
    const orphans = (): ReceivedSpan[] => {
      const ids = new Set(inTrace().map((s) => s.spanId));
      return inTrace().filter((s) => s !== opened && !ids.has(s.parentSpanId));
    };
    await eventually(() => (orphans().length === 0 ? true : undefined), 30_000, 'every span of the trace with its parent').catch(() => undefined);
    expect(orphans()).toEqual([]);
    expect(new Set(receiver.spans.filter((s) => s.kind === SPAN_KIND.SERVER && s.attributes['url.path'] === '/api/transfers').map((s) => s.traceId)).size).toBe(1);

    // The appended event keeps the command's trace context, which the relay puts in the Kafka headers.
    const db = new Client({ connectionString: database.url });
    await db.connect();
    try {
      const rows = (await db.query("SELECT metadata->>'traceparent' AS traceparent FROM event_store.events WHERE stream_id = $1 ORDER BY revision", [`transfer-${d.caseId}`]))
        .rows as { traceparent: string | null }[];
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row.traceparent?.split('-')[1]).toBe(opened.traceId);
    } finally {
      await db.end();
    }
  });

  it('leaves the scrapes of /metrics and the health probes out of the traces', async () => {
    await fetch(`${server.url}/metrics`);
    await fetch(`${server.url}/api/health/live`);
    const marker = await fetch(`${server.url}/api/health`);
    expect(marker.status).toBe(200);
    await new MutasiHttp(server.url).as('inspektur.bkn', 'GET', '/api/policies');
    await eventually(() => receiver.spans.find((s) => s.kind === SPAN_KIND.SERVER && s.attributes['url.path'] === '/api/policies'), 30_000, "a later request's span");
    expect(receiver.spans.filter((s) => s.kind === SPAN_KIND.SERVER && /^\/(metrics|api\/health)/.test(String(s.attributes['url.path'])))).toEqual([]);
  });
});
