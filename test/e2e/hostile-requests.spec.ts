import { request } from 'node:http';
import { AGENCY, CaseDriver, DEMO_NIP, MutasiHttp, positionId } from '@mutasi/demo-data';
import { startTestApp, TestApp } from '@mutasi/testing/app';

/** A JSON text nesting `depth` arrays, the innermost holding an object (so no schema could ever accept it). */
const nested = (depth: number): string => `${'['.repeat(depth)}{"stepId":"1-proposal"}${']'.repeat(depth)}`;

/** Every operation of the API that takes a JSON body, from the server's own OpenAPI document. */
async function jsonBodyOperations(baseUrl: string): Promise<{ method: string; path: string }[]> {
  const document = (await (await fetch(`${baseUrl}/api/docs-json`)).json()) as { paths: Record<string, Record<string, { requestBody?: { content?: Record<string, unknown> } }>> };
  const out: { method: string; path: string }[] = [];
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      if (operation.requestBody?.content?.['application/json']) out.push({ method: method.toUpperCase(), path });
    }
  }
  return out;
}

/** Requests no client should be able to turn into a 500: deep JSON on every JSON endpoint, headers over the limit. */
describe('hostile requests get 4xx problem details and change nothing', () => {
  let t: TestApp;
  let http: MutasiHttp;
  let caseId: string;
  let token: string;

  beforeAll(async () => {
    t = await startTestApp();
    http = new MutasiHttp(t.url);
    const driver = new CaseDriver(http, positionId(AGENCY.provNb, 'analis-sdm'), DEMO_NIP.sameProvince);
    await driver.open();
    caseId = driver.caseId;
    token = await t.tokenFor({ userId: 'hostile.bkn', name: 'Hostile', agencyId: AGENCY.bkn, roles: ['ADMIN'] });
  });
  afterAll(() => t.close());

  const eventCount = async (): Promise<number> => Number((await t.db.query('SELECT count(*) AS n FROM event_store.events')).rows[0].n);

  it('JSON nested 10,000 levels deep answers 400 JSON_TOO_DEEP on every JSON endpoint, before validation, appending nothing', async () => {
    const operations = await jsonBodyOperations(t.url);
    expect(operations.length).toBeGreaterThanOrEqual(27);
    const before = await eventCount();
    for (const { method, path } of operations) {
      const url = `${t.url}${path.replace(/\{[^}]+\}/g, caseId)}`;
      const response = await fetch(url, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: nested(10_000) });
      const body = (await response.json()) as { code?: string; errors?: { field: string }[] };
      expect({ method, path, status: response.status, code: body.code }).toEqual({ method, path, status: 400, code: 'JSON_TOO_DEEP' });
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(body.errors?.[0]?.field).toBe('body');
    }
    expect(await eventCount()).toBe(before);
  });

  it('JSON at the depth limit (64) is parsed and judged by validation instead; 65 is refused', async () => {
    const atLimit = await fetch(`${t.url}/api/transfers/${caseId}/approve-step`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: `{"stepId":${nested(62)}}`,
    });
    expect(atLimit.status).toBe(400);
    expect(((await atLimit.json()) as { code: string }).code).toBe('VALIDATION_FAILED');
    const over = await fetch(`${t.url}/api/transfers/${caseId}/approve-step`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: `{"stepId":${nested(64)}}`,
    });
    expect(((await over.json()) as { code: string }).code).toBe('JSON_TOO_DEEP');
  });

  it('brackets inside strings do not count: a note full of "[[[[" is an ordinary body', async () => {
    const response = await fetch(`${t.url}/api/transfers/${caseId}/approve-step`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ stepId: 'no-such-step', notes: `${'[{'.repeat(5000)}\\"` }),
    });
    expect(((await response.json()) as { code: string }).code).not.toBe('JSON_TOO_DEEP');
  });

  it('headers over 16 KB get 431 as problem details, and the server keeps serving', async () => {
    const answer = await new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const url = new URL(`${t.url}/api/agencies`);
      const req = request({ host: url.hostname, port: url.port, path: url.pathname, headers: { authorization: `Bearer ${'x'.repeat(20_000)}` } }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(answer.status).toBe(431);
    expect(answer.type).toContain('application/problem+json');
    expect(JSON.parse(answer.body)).toMatchObject({ status: 431, code: 'REQUEST_HEADER_FIELDS_TOO_LARGE' });
    expect((await http.raw('GET', '/api/agencies', undefined, { authorization: `Bearer ${token}` })).status).toBe(200);
  });

  it('a body that is valid JSON but no object is told so; one that is not JSON is told that', async () => {
    const send = async (body: string) => {
      const response = await fetch(`${t.url}/api/transfers/${caseId}/approve-step`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body,
      });
      return { status: response.status, ...((await response.json()) as { code: string; detail: string }) };
    };
    expect(await send('null')).toMatchObject({ status: 400, code: 'MALFORMED_JSON', detail: 'isi permintaan harus berupa objek JSON' });
    expect(await send('{"stepId":')).toMatchObject({ status: 400, code: 'MALFORMED_JSON', detail: 'isi permintaan bukan JSON yang valid' });
  });
});
