import { eventLeafData, leafHash } from '@mutasi/integrity';
import { LedgerProjection } from '@mutasi/audit';
import { caseStories } from './support/case-stories';
import { projectionFixture, ProjectionFixture } from './support/projection-fixture';

type Row = Record<string, unknown>;

/** The global Merkle ledger: every event a leaf in global order, with its subtrees, stream heads and agency case lists. */
describe('projection ledger', () => {
  let f: ProjectionFixture;
  const leaves = (): Promise<Row[]> =>
    f.rows(`SELECT leaf_index::int, position, event_id::text, stream_id, revision, encode(leaf_hash, 'hex') AS leaf_hash FROM ledger_leaves ORDER BY leaf_index`);
  const dump = async (): Promise<Row> => ({
    leaves: await leaves(),
    nodes: await f.rows(`SELECT level, idx::int, encode(hash, 'hex') AS hash FROM ledger_nodes ORDER BY level, idx`),
    heads: await f.rows(`SELECT stream_id, revision, leaf_index::int, encode(leaf_hash, 'hex') AS leaf_hash FROM ledger_stream_heads ORDER BY stream_id`),
    cases: await f.rows('SELECT agency_id, stream_id, first_leaf::int FROM ledger_case_agencies ORDER BY agency_id, stream_id'),
  });

  beforeAll(async () => {
    f = await projectionFixture(() => new LedgerProjection());
    const s = caseStories(f.world, 'ledger');
    for (const story of [s.appointed, s.withdrawn]) await f.appendCase(story.caseId, story.events);
    await f.project();
  }, 120_000);
  afterAll(async () => {
    await f?.close();
  });

  it('makes every stored event, in global order, the next leaf, hashed from its canonical bytes', async () => {
    const events: Row[] = [];
    let page = await f.store.readAll({ limit: 10_000 });
    while (page.events.length > 0) {
      events.push(
        ...page.events.map((e, i) => ({
          leaf_index: events.length + i,
          position: e.globalPosition,
          event_id: e.eventId,
          stream_id: e.streamId,
          revision: e.revision,
          leaf_hash: Buffer.from(leafHash(eventLeafData(e))).toString('hex'),
        })),
      );
      page = await f.store.readAll({ after: page.nextPosition, limit: 10_000 });
    }
    expect(events.filter((e) => String(e.stream_id).startsWith('transfer-ledger-')).length).toBeGreaterThan(10);
    expect(await leaves()).toEqual(events);
    const heads = await f.rows('SELECT stream_id, revision FROM ledger_stream_heads WHERE stream_id LIKE $1 ORDER BY stream_id', ['transfer-ledger-%']);
    expect(heads).toEqual([
      { stream_id: 'transfer-ledger-appointed', revision: Math.max(...events.filter((e) => e.stream_id === 'transfer-ledger-appointed').map((e) => Number(e.revision))) },
      { stream_id: 'transfer-ledger-withdrawn', revision: Math.max(...events.filter((e) => e.stream_id === 'transfer-ledger-withdrawn').map((e) => Number(e.revision))) },
    ]);
  });

  it('takes a hostile event as a leaf like any other (the ledger never skips one)', async () => {
    await f.appendRaw('transfer-ledger-appointed', [{ type: 'Hostile.v9', data: { steps: 'drop table ledger_leaves' }, metadata: { caseId: 'ledger-appointed' } }]);
    await f.project();
    expect((await leaves()).at(-1)).toEqual(expect.objectContaining({ stream_id: 'transfer-ledger-appointed', revision: expect.any(Number) }));
    expect(await f.quarantined()).toEqual([]);
  });

  it('applied twice gives the same rows: a replay of the global order adds no second leaf', async () => {
    const before = await dump();
    await f.db.query(`DELETE FROM projection_checkpoints WHERE name = 'ledger'`);
    await f.project();
    expect(await dump()).toEqual(before);
  });

  it('rebuilt from scratch (leaves, nodes, maps, checkpoint and stream revisions emptied) gives the same tree', async () => {
    const before = await dump();
    for (const table of ['ledger_leaves', 'ledger_nodes', 'ledger_stream_heads', 'ledger_case_agencies']) await f.db.query(`DELETE FROM ${table}`);
    await f.forgetProgress();
    await f.project();
    expect(await dump()).toEqual(before);
  });
});
