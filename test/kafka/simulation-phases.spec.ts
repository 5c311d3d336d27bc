import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStore, PostgresEventStore } from '@mutasi/event-store';
import { verifyCheckpoint } from '@mutasi/integrity';
import { syntheticHistories } from '@mutasi/testing';
import { startTestApp, TestApp } from '@mutasi/testing/app';
import { SimulationContext } from '../../libs/simulation/src/phases/phase';
import { ledgerPhase } from '../../libs/simulation/src/phases/ledger-phase';
import { relayPhase } from '../../libs/simulation/src/phases/relay-phase';
import { bundlePhase } from '../../libs/simulation/src/phases/bundle-phase';
import { verifyBundlePhase } from '../../libs/simulation/src/phases/bundle-verify';
import { runVerifierKey } from '../../libs/simulation/src/phases/run-ledger-key';

const CASES = 300;

/**
 * The ledger, relay and bundle phases of `npm run simulate` (issue 14) on a store of a few hundred real case
 * histories, a real PostgreSQL and a real Kafka broker: each goes through every event the store holds, and the
 * exported agency bundle verifies offline against the run's key — and stops verifying when a line is taken out.
 */
describe('simulate: build and sign the ledger, relay to Kafka, export and verify a bundle', () => {
  let t: TestApp;
  let workDir: string;
  let storedEvents: number;
  const lines: string[] = [];
  const progress: string[] = [];
  const brokers = (process.env.KAFKA_BROKERS ?? '').split(',');
  let ctx: SimulationContext;

  const count = async (sql: string, params: unknown[] = []): Promise<number> => Number((await t.db.query<{ n: string }>(sql, params)).rows[0]?.n);

  beforeAll(async () => {
    t = await startTestApp();
    const store = t.app.get(EventStore);
    for (const { streamId, events } of syntheticHistories(CASES)) await store.append(streamId, events, 'no_stream');
    if (!(store instanceof PostgresEventStore)) throw new Error('the spec counts events in PostgreSQL');
    storedEvents = await store.count();
    workDir = mkdtempSync(join(tmpdir(), 'mutasi-simulation-phases-'));
    ctx = { databaseUrl: t.databaseUrl, workDir, say: (line) => lines.push(line), progress: (line) => progress.push(line) };
  }, 120_000);
  afterAll(async () => {
    await t.close();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('builds the ledger over every stored event and signs its head with the run key', async () => {
    const leavesBefore = await count('SELECT count(*) AS n FROM ledger_leaves');
    const ledger = await ledgerPhase(ctx);
    expect(ledger.events).toBe(storedEvents - leavesBefore);
    expect(await count('SELECT count(*) AS n FROM ledger_leaves')).toBe(storedEvents);
    expect(ledger.notes[0]).toMatch(new RegExp(`^tree size ${storedEvents.toLocaleString('en-US')}, root hash `));
    expect(ledger.diskBytes).toBeGreaterThan(0);
    const head = (await t.db.query<{ checkpoint: string; tree_size: string }>('SELECT checkpoint, tree_size::text FROM ledger_tree_heads ORDER BY tree_size DESC LIMIT 1')).rows[0];
    expect(Number(head?.tree_size)).toBe(storedEvents);
    expect(verifyCheckpoint(head?.checkpoint, runVerifierKey(workDir))).toMatchObject({ ok: true });
  });

  it('relays every stored event to Kafka until the relay checkpoint is the store head', async () => {
    // Its own topic: the Kafka specs share one broker, and 300 cases on the contract's topic would show in their dashboards.
    const topic = `mutasi.simulation-spec-${Date.now()}.v1`;
    const relay = await relayPhase(ctx, brokers, { topic });
    expect(relay.events).toBe(storedEvents);
    const head = await t.app.get(EventStore).headPosition();
    expect((await t.db.query<{ position: string }>("SELECT position FROM relay_checkpoints WHERE name = 'transfer-events'")).rows[0]?.position).toBe(head);
    expect(relay.notes[0]).toBe(`topic ${topic}, 6 partitions (key = caseId)`);
  });

  it("exports the bundle of the agency with the most cases to a file, and it verifies offline against the run's key", async () => {
    const [top] = (await t.db.query<{ agency_id: string }>('SELECT agency_id FROM ledger_case_agencies GROUP BY agency_id ORDER BY count(*) DESC, agency_id LIMIT 1')).rows;
    const agencyEvents = await count('SELECT count(*) AS n FROM ledger_leaves l JOIN ledger_case_agencies c ON c.stream_id = l.stream_id WHERE c.agency_id = $1', [top?.agency_id]);
    expect(agencyEvents).toBeGreaterThan(0);
    const [exported, verified] = await bundlePhase(ctx);
    const file = bundleFile();
    expect(file).toContain(`mutasi-audit-${top?.agency_id}-${storedEvents}.jsonl`);
    expect(exported.events).toBe(agencyEvents);
    expect(exported.diskBytes).toBe(statSync(file).size);
    expect(verified.events).toBe(agencyEvents);
    expect(verified.notes[1]).toMatch(/^verified: true/);
  });

  it('does not verify the bundle with one event line taken out', async () => {
    const bundle = readFileSync(bundleFile(), 'utf8').split('\n');
    const eventLines = bundle.flatMap((line, i) => (line.startsWith('{"event":') ? [i] : []));
    const dropped = eventLines[Math.floor(eventLines.length / 2)] as number;
    const tampered = join(workDir, 'tampered.jsonl');
    writeFileSync(tampered, bundle.filter((_, i) => i !== dropped).join('\n'));
    const { streamId } = (JSON.parse(bundle[dropped] as string) as { event: { streamId: string } }).event;
    await expect(verifyBundlePhase(ctx, tampered)).rejects.toThrow(new RegExp(`does not verify: stream ${streamId}`));
  });

  const bundleFile = (): string => {
    const [name] = readdirSync(workDir).filter((f) => f.startsWith('mutasi-audit-') && f.endsWith('.jsonl'));
    if (!name) throw new Error(`no bundle in ${workDir}`);
    return join(workDir, name);
  };
});
