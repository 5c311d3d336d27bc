import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { ValidateFunction } from 'ajv';
import { OpenAPIObject, ResponseObject } from '@nestjs/swagger';
import { AuditWorkers } from '@mutasi/audit';
import { DashboardWorkers } from '@mutasi/dashboard';
import { AGENCY, CaseDriver, DEMO_NIP, MutasiHttp, positionId, runDemo, SAMPLE_NIP } from '@mutasi/demo-data';
import { startTestApp, TestApp } from '@mutasi/testing/app';

const COMMITTED = join(__dirname, '..', '..', 'apps', 'web', 'src', 'api', 'openapi.json');

interface Answer {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly contentType: string;
  readonly body: unknown;
}

/** Every answer the server gives while `run` talks to it through `fetch`. */
async function recording(base: string, run: () => Promise<void>): Promise<Answer[]> {
  const answers: Answer[] = [];
  const original = globalThis.fetch;
  globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const response = await original(input, init);
    const url = String(input);
    if (url.startsWith(base)) {
      const text = await response.clone().text();
      const contentType = (response.headers.get('content-type') ?? '').split(';')[0] as string;
      answers.push({
        method: (init?.method ?? 'GET').toLowerCase(),
        path: new URL(url).pathname,
        status: response.status,
        contentType,
        body: (contentType === 'application/json' || contentType.endsWith('+json')) && text ? JSON.parse(text) : text,
      });
    }
    return response;
  }) as typeof fetch;
  try {
    await run();
  } finally {
    globalThis.fetch = original;
  }
  return answers;
}

/**
 * OpenAPI 3.0's `nullable: true` as JSON Schema says it (as openapi-typescript reads it: `T | null`), for Ajv: a
 * nullable object that refers to a named schema would otherwise refuse null in the named schema's own `type`.
 */
function withNullAsJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withNullAsJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const { nullable, ...rest } = node as Record<string, unknown>;
  const converted = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, withNullAsJsonSchema(value)]));
  return nullable === true ? { anyOf: [converted, { type: 'null' }] } : converted;
}

/**
 * The operation an answer belongs to and the validator of its status and media type, from the document's own schemas
 * (references resolved inside it); `validate` is null for an empty body (a signing that had nothing new to sign).
 */
function validators(doc: OpenAPIObject): (answer: Answer) => { operationId: string; validate: ValidateFunction | null } | null {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
  ajv.addFormat('uri', /^https?:\/\//);
  ajv.addFormat('binary', /[\s\S]*/);
  ajv.addFormat('uuid', /^[0-9a-f-]{36}$/);
  ajv.addSchema({ ...(withNullAsJsonSchema(doc) as object), $id: 'openapi' });
  const routes = Object.entries(doc.paths).map(([path, item]) => ({ path, item, pattern: new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`) }));
  const escape = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
  const compiled = new Map<string, ValidateFunction>();
  return (answer) => {
    const route = routes.find((r) => r.pattern.test(answer.path));
    const operation = route?.item[answer.method as 'get'];
    const response = operation?.responses[String(answer.status)] as ResponseObject | undefined;
    if (!route || !operation || !response) return null;
    const operationId = operation.operationId as string;
    if (answer.body === '' && answer.status < 300) return { operationId, validate: null };
    if (!response.content?.[answer.contentType]) return null;
    const pointer = `/paths/${escape(route.path)}/${answer.method}/responses/${answer.status}/content/${escape(answer.contentType)}/schema`;
    if (!compiled.has(pointer)) compiled.set(pointer, ajv.compile({ $ref: `openapi#${pointer}` }));
    return { operationId, validate: compiled.get(pointer) as ValidateFunction };
  };
}

/**
 * The OpenAPI document is a contract only if the server keeps it: the server serves the committed document, and
 * every answer of the demo and of each read, as officials, an inspector and an employee, matches its schema.
 */
describe('the answers the server gives match its OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ now: new Date().toISOString() });
  });
  afterAll(() => t.close());

  it('serves the document committed in apps/web/src/api', async () => {
    const http = new MutasiHttp(t.url);
    const served = (await http.raw('GET', '/api/docs-json')).body as OpenAPIObject;
    const committed = JSON.parse(readFileSync(COMMITTED, 'utf8')) as OpenAPIObject;
    expect(served.paths).toEqual(committed.paths);
    expect(served.components).toEqual(committed.components);
    expect(served.security).toEqual(committed.security);
  });

  it('answers the demo, every read and the refusals as the document says', async () => {
    const http = new MutasiHttp(t.url);
    const answers = await recording(t.url, async () => {
      const run = await runDemo(http, () => undefined);
      const caseId = (run.completed[0] as CaseDriver).caseId;
      const open = new CaseDriver(http, positionId(AGENCY.bandarLestari, 'kabid-perencanaan'), SAMPLE_NIP.clean);
      await open.open();
      await open.approveNeeds();
      await open.propose({ meritDeviationJustification: 'the planner with field experience' });
      await t.app.get(AuditWorkers).catchUp();
      await t.app.get(DashboardWorkers).runner?.catchUpTo();
      const inspector = (path: string) => http.as('inspektur.bkn', 'GET', path);
      await http.as('inspektur.bkn', 'POST', '/api/audit/ledger/tree-heads', {});
      const events = await inspector(`/api/transfers/${caseId}/events`);
      for (const path of [
        `/api/transfers/${open.caseId}`,
        `/api/transfers/${open.caseId}/candidates`,
        '/api/agencies',
        '/api/employees',
        `/api/employees/${DEMO_NIP.internal}`,
        `/api/audit/cases/${caseId}/trail`,
        '/api/audit/events',
        '/api/audit/flags',
        '/api/audit/refusals',
        '/api/audit/ledger/tree-head',
        '/api/audit/ledger/tree-heads',
        '/api/audit/ledger/public-key',
        `/api/audit/ledger/inclusion-proof?eventId=${String(events.body.events[0].eventId)}`,
        '/api/audit/ledger/consistency-proof?from=1',
        `/api/audit/export?caseId=${caseId}`,
        '/api/workload/balance',
        '/api/notifications',
      ])
        await inspector(path);
      await http.as('inspektur.bkn', 'POST', '/api/audit/verify', {});
      for (const path of ['/api/policies', '/api/policies/current', '/api/calendars', '/api/workload/plans', '/api/policies/current/merit', '/api/dev/users'])
        await http.as('admin.bkn', 'GET', path);
      for (const path of ['pipeline', 'lead-times', 'workload-balance', 'training', 'evaluations', 'cases']) await http.as('kepala-bkn.bkn', 'GET', `/api/dashboard/${path}`);
      await http.as('ppk.kota-bandar-lestari', 'GET', '/api/dashboard/inbox');
      const employee = `pns.${DEMO_NIP.internal}`;
      await http.as(employee, 'GET', `/api/transfers/${caseId}`);
      await http.as(employee, 'GET', '/api/me/cases');
      await http.as(employee, 'GET', '/api/transfers/00000000-0000-4000-8000-000000000000');
      await http.as('pengusul.kota-bandar-lestari', 'POST', '/api/transfers', { targetAgencyId: 'NOT AN ID' });
      await http.raw('GET', '/api/auth/config');
    });
    const validatorFor = validators((await http.raw('GET', '/api/docs-json')).body as OpenAPIObject);
    const checked = new Set<string>();
    const mismatches = answers.flatMap((answer) => {
      const validator = validatorFor(answer);
      if (!validator) return [`${answer.method.toUpperCase()} ${answer.path} ${answer.status} ${answer.contentType}: not in the document`];
      checked.add(validator.operationId);
      const { validate } = validator;
      if (!validate || validate(answer.body)) return [];
      return [`${validator.operationId} ${answer.status}: ${JSON.stringify(validate.errors?.slice(0, 3))}`];
    });
    expect([...new Set(mismatches)]).toEqual([]);
    const reads = [
      'getCase',
      'listCaseEvents',
      'listCaseCandidates',
      'listAgencies',
      'listAgencyPositions',
      'listEmployees',
      'getEmployee',
      'getCaseAuditTrail',
      'listAuditEvents',
      'listAuditFlags',
      'listAuditRefusals',
      'getLatestTreeHead',
      'listTreeHeads',
      'signTreeHead',
      'getLedgerPublicKey',
      'getInclusionProof',
      'getConsistencyProof',
      'verifyRecord',
      'exportAuditBundle',
      'getWorkloadBalance',
      'listMutationPlans',
      'listPolicies',
      'getCurrentPolicy',
      'listHolidayCalendars',
      'getMeritCriteria',
      'listDemoUsers',
      'issueDemoToken',
      'getDemoClock',
      'advanceDemoClock',
      'getHealth',
      'getDashboardPipeline',
      'getDashboardLeadTimes',
      'getDashboardWorkloadBalance',
      'getDashboardTraining',
      'getDashboardEvaluations',
      'listDashboardCases',
      'getDashboardInbox',
      'listMyCases',
      'listNotifications',
      'getAuthConfig',
    ];
    const commands = [
      'openTransferCase',
      'approveNeedsAnalysis',
      'proposeCandidate',
      'notifyEmployee',
      'acknowledgeTransfer',
      'attachDocument',
      'verifyDocument',
      'submitForApproval',
      'approveStep',
      'issueDecree',
      'reportReplacement',
      'recordAppointment',
      'recordEvaluation',
      'closeCase',
      'completeTraining',
      'withdrawTransfer',
    ];
    expect([...reads, ...commands].filter((id) => !checked.has(id))).toEqual([]);
  }, 600_000);
});
