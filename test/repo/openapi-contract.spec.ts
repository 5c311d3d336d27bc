import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { OpenAPIObject, OperationObject, ParameterObject, ResponseObject } from '@nestjs/swagger';
import { API_FILES, apiArtifacts, lintDocument } from '../../scripts/api-contract';

const ROOT = join(__dirname, '..', '..');

/** The warnings of Redocly's recommended rules that stay, each for a reason; any other warning fails. */
const EXPLAINED_WARNINGS = [
  { ruleId: 'info-license-strict', pointer: '#/info/license/url', why: 'UNLICENSED (package.json): there is no licence text to link to' },
  { ruleId: 'operation-4xx-response', pointer: '#/paths/~1api~1auth~1config/get/responses', why: 'the sign-in settings take no input and no token: always 200' },
  { ruleId: 'operation-4xx-response', pointer: '#/paths/~1api~1health/get/responses', why: 'health takes no input and no token: 200 or 503, never a 4xx' },
  { ruleId: 'operation-4xx-response', pointer: '#/paths/~1api~1health~1live/get/responses', why: 'liveness takes no input and no token: always 200 while the process answers' },
  { ruleId: 'operation-4xx-response', pointer: '#/paths/~1api~1health~1ready/get/responses', why: 'readiness takes no input and no token: 200 or 503, never a 4xx' },
  { ruleId: 'operation-4xx-response', pointer: '#/paths/~1api~1audit~1ledger~1public-key/get/responses', why: "the ledger's verifier key takes no input and no token: always 200" },
  { ruleId: 'operation-4xx-response', pointer: '#/paths/~1api~1ledger~1public-key/get/responses', why: "the ledger's verifier key takes no input and no token: always 200" },
];

/**
 * The only routes that need no token (`@Public()`); a route joining them is a decision, not an accident. The ledger's
 * checkpoint, hash tiles, proofs and verifier key reveal only hashes (docs/ledger-public.md); its entry bundles are not here.
 */
const PUBLIC_OPERATIONS = [
  'getAuthConfig',
  'getDemoClock',
  'getHealth',
  'getLedgerCheckpoint',
  'getLedgerPublicKey',
  'getLedgerTile',
  'getLiveness',
  'getPublicConsistencyProof',
  'getPublicInclusionProof',
  'getPublicLedgerKey',
  'getReadiness',
  'issueDemoToken',
  'listDemoUsers',
];

type Operation = OperationObject & { operationId: string; responses: Record<string, ResponseObject> };

function operations(doc: OpenAPIObject): { method: string; path: string; operation: Operation }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => ['get', 'put', 'post', 'delete', 'patch'].includes(method))
      .map(([method, operation]) => ({ method, path, operation: operation as Operation })),
  );
}

const where = (o: { method: string; path: string }): string => `${o.method.toUpperCase()} ${o.path}`;

/** The first line where two texts differ, for a short failure message. */
function firstDifferentLine(a: string, b: string): number {
  const left = a.split('\n');
  const right = b.split('\n');
  const index = left.findIndex((line, i) => line !== right[i]);
  return (index === -1 ? Math.min(left.length, right.length) : index) + 1;
}

describe('the OpenAPI document, the contract of the web app (npm run api:generate)', () => {
  let artifacts: { document: string; types: string };
  let doc: OpenAPIObject;
  beforeAll(async () => {
    artifacts = await apiArtifacts();
    doc = JSON.parse(artifacts.document) as OpenAPIObject;
  }, 120_000);

  it("has no errors under Redocly's recommended rules, and only the warnings explained here", () => {
    const problems = lintDocument(artifacts.document);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    const warnings = problems.filter((p) => p.severity === 'warn').map(({ ruleId, pointer, message }) => ({ ruleId, pointer, message }));
    const explained = (w: { ruleId: string; pointer: string }) => EXPLAINED_WARNINGS.some((e) => e.ruleId === w.ruleId && e.pointer === w.pointer);
    expect(warnings.filter((w) => !explained(w))).toEqual([]);
  });

  it('names every operation once, in camelCase, verb first', () => {
    const ids = operations(doc).map((o) => o.operation.operationId);
    expect(ids.filter((id) => !/^[a-z]+[A-Z][A-Za-z0-9]*$/.test(id))).toEqual([]);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    const byRoute = Object.fromEntries(operations(doc).map((o) => [where(o), o.operation.operationId]));
    expect(byRoute).toMatchObject({
      'GET /api/transfers/{caseId}': 'getCase',
      'GET /api/transfers/{caseId}/events': 'listCaseEvents',
      'POST /api/transfers': 'openTransferCase',
      'POST /api/transfers/{caseId}/approve-step': 'approveStep',
      'GET /api/dashboard/inbox': 'getDashboardInbox',
    });
  });

  it('gives every success a schema', () => {
    const missing = operations(doc).flatMap((o) => {
      const successes = Object.entries(o.operation.responses).filter(([status]) => status.startsWith('2'));
      if (successes.length === 0) return [`${where(o)}: no 2xx answer`];
      return successes.filter(([, r]) => !Object.values(r.content ?? {}).some((media) => media.schema)).map(([status]) => `${where(o)} ${status}`);
    });
    expect(missing).toEqual([]);
  });

  it('answers every error with the one ProblemDetails schema, as application/problem+json', () => {
    const problem = { 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } };
    const others = operations(doc).flatMap((o) =>
      Object.entries(o.operation.responses)
        .filter(([status, r]) => Number(status) >= 400 && JSON.stringify(r.content) !== JSON.stringify(problem))
        .map(([status]) => `${where(o)} ${status}`),
    );
    // The health report is its own 503 body: the same report as the 200, with the dependency that is down. The
    // checkpoint is plain text for tlog clients (c2sp.org/tlog-tiles), and so is its 404 before the first tree head.
    expect(others).toEqual(['GET /api/health 503', 'GET /api/health/ready 503', 'GET /api/ledger/checkpoint 404']);
    expect(doc.components?.schemas?.ProblemDetails).toMatchObject({ required: ['type', 'title', 'status', 'detail', 'code'] });
    const codes = new Set(operations(doc).flatMap((o) => Object.keys(o.operation.responses)));
    for (const status of ['400', '401', '403', '404', '409', '422', '503']) expect(codes).toContain(status);
  });

  it('asks for a bearer token everywhere but on the public routes, which say security: []', () => {
    expect(doc.security).toEqual([{ bearer: [] }]);
    expect(doc.components?.securitySchemes?.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    const open = operations(doc)
      .filter((o) => Array.isArray(o.operation.security) && o.operation.security.length === 0)
      .map((o) => o.operation.operationId);
    expect(open.sort()).toEqual(PUBLIC_OPERATIONS);
  });

  it('declares the ETag of case answers and the If-Match the commands take', () => {
    const etag = (o: Operation, status: string) => Object.keys(o.responses[status]?.headers ?? {}).includes('ETag');
    const getCase = operations(doc).find((o) => o.operation.operationId === 'getCase') as { operation: Operation };
    expect(etag(getCase.operation, '200')).toBe(true);
    const commands = operations(doc).filter((o) => (o.operation.parameters as ParameterObject[] | undefined)?.some((p) => p.in === 'header' && p.name === 'If-Match'));
    expect(commands).toHaveLength(26);
    expect(commands.filter((o) => !etag(o.operation, '200')).map(where)).toEqual([]);
    expect(commands.every((o) => o.method === 'post' && o.path.startsWith('/api/transfers'))).toBe(true);
  });

  it('is what apps/web/src/api holds: after changing the API, run npm run api:generate', () => {
    const stale = (['document', 'types'] as const).flatMap((kind) => {
      const file = API_FILES[kind];
      const name = relative(ROOT, file);
      if (!existsSync(file)) return [`${name} is missing: run npm run api:generate`];
      const committed = readFileSync(file, 'utf8');
      return committed === artifacts[kind] ? [] : [`${name} differs from the code from line ${firstDifferentLine(committed, artifacts[kind])}: run npm run api:generate`];
    });
    expect(stale).toEqual([]);
  });
});
