import { checkWitnessPolicy, generateSignerKey, verifyCheckpoint, verifyCosignature } from '@mutasi/integrity';
import type { Evidence } from '../src';
import { addCheckpointBody, TestLog, TestWitness } from './test-log';
import { flipBit } from '../../integrity/test/memory-ledger';

describe('add-checkpoint (c2sp.org/tlog-witness) over HTTP', () => {
  let log: TestLog;
  let witness: TestWitness;

  beforeEach(async () => {
    log = new TestLog().grow(5);
    witness = await TestWitness.start([log]);
  });

  afterEach(() => witness.destroy());

  it('cosigns the first checkpoint of a log (old size 0): 200 with a cosignature that verifies', async () => {
    const answer = await witness.submit(log.body(0));
    expect(answer).toEqual({ status: 200, type: 'text/plain; charset=utf-8', text: expect.stringMatching(/^\u2014 witness\.inspektorat\.example \S+\n$/) });
    const cosigned = `${log.checkpoint()}${answer.text}`;
    expect(verifyCosignature(cosigned, witness.verifierKey)).toEqual({ ok: true, name: 'witness.inspektorat.example', time: expect.any(Date) });
    expect(checkWitnessPolicy(cosigned, { threshold: 1, witnesses: [witness.verifierKey] }).ok).toBe(true);
    expect(verifyCheckpoint(cosigned, log.verifierKey).ok).toBe(true);
  });

  it('cosigns growth with a valid consistency proof, and the same checkpoint again', async () => {
    expect((await witness.submit(log.body(0))).status).toBe(200);
    log.grow(8);
    expect((await witness.submit(log.body(5))).status).toBe(200);
    const again = await witness.submit(log.body(13));
    expect(again.status).toBe(200);
    expect(verifyCosignature(`${log.checkpoint()}${again.text}`, witness.verifierKey).ok).toBe(true);
  });

  it('ignores signatures by keys it does not know (other witnesses, other logs)', async () => {
    const extra = `${log.checkpoint()}${new TestLog('other.example/log').checkpoint(0).split('\n\n')[1]}`;
    expect((await witness.submit(addCheckpointBody(0, [], extra))).status).toBe(200);
  });

  it('answers a stale old size with 409, text/x.tlog.size and the size it cosigned', async () => {
    await witness.submit(log.body(0));
    log.grow(3);
    expect(await witness.submit(log.body(0))).toEqual({ status: 409, type: 'text/x.tlog.size', text: '5\n' });
    expect(await witness.submit(log.body(4))).toEqual({ status: 409, type: 'text/x.tlog.size', text: '5\n' });
  });

  it('tells a log it has never seen that it cosigned size 0', async () => {
    expect(await witness.submit(log.body(3))).toEqual({ status: 409, type: 'text/x.tlog.size', text: '0\n' });
  });

  it('refuses a bad consistency proof with 422 and keeps the log-signed pair as evidence', async () => {
    await witness.submit(log.body(0));
    log.grow(6);
    const proof = flipBit(log.ledger.consistencyProof(5, 11), 0, 7);
    const answer = await witness.submit(log.body(5, 11, proof));
    expect(answer.status).toBe(422);
    expect(answer.text).toMatch(/consistency proof from size 5 to 11 does not verify/);
    const evidence = JSON.parse((await witness.get('/evidence')).text) as Evidence[];
    expect(evidence).toEqual([
      expect.objectContaining({
        kind: 'inconsistent-proof',
        origin: log.origin,
        cosigned: expect.objectContaining({ treeSize: 5 }),
        submitted: expect.objectContaining({ treeSize: 11, oldSize: 5, proof: proof.map((h) => h.toString('base64')) }),
      }),
    ]);
    expect(verifyCheckpoint(evidence[0]?.submitted.checkpoint, log.verifierKey).ok).toBe(true);
    expect((await witness.submit(log.body(5))).status).toBe(200);
  });

  it('refuses a non-empty proof with old size 0 (422), with nothing to keep', async () => {
    expect((await witness.submit(log.body(0, 5, log.ledger.consistencyProof(2, 5)))).status).toBe(422);
    expect(JSON.parse((await witness.get('/evidence')).text)).toEqual([]);
  });

  it('refuses a split view (same size, another root, both log-signed) with 409 and keeps both as evidence', async () => {
    await witness.submit(log.body(0));
    const fork = new TestLog(log.origin, log.signerKey).grow(5, 'forged ');
    const answer = await witness.submit(fork.body(5));
    expect(answer.status).toBe(409);
    expect(answer.type).toBe('text/plain; charset=utf-8');
    expect(answer.text).toMatch(/split view/);
    const [evidence, ...more] = JSON.parse((await witness.get('/evidence')).text) as Evidence[];
    expect(more).toEqual([]);
    expect(evidence).toMatchObject({
      kind: 'split-view',
      origin: log.origin,
      cosigned: { treeSize: 5, rootHash: log.ledger.root().toString('base64') },
      submitted: { treeSize: 5, rootHash: fork.ledger.root().toString('base64') },
    });
    for (const note of [evidence?.cosigned.checkpoint, evidence?.submitted.checkpoint]) expect(verifyCheckpoint(note, log.verifierKey).ok).toBe(true);
    expect(verifyCosignature(`${evidence?.cosigned.checkpoint}${evidence?.cosigned.cosignature}`, witness.verifierKey).ok).toBe(true);
    // Seen again, even with a stale old size: still one piece of evidence.
    expect((await witness.submit(fork.body(0, 5))).status).toBe(409);
    expect(JSON.parse((await witness.get('/evidence')).text)).toHaveLength(1);
  });

  it('answers 404 for a log it does not vouch for', async () => {
    const stranger = new TestLog('stranger.example/log').grow(2);
    expect(await witness.submit(stranger.body(0))).toMatchObject({ status: 404, text: expect.stringMatching(/does not vouch for the log "stranger\.example\/log"/) });
  });

  it('answers 403 when no signature is by a trusted key of the origin, and keeps no evidence', async () => {
    await witness.submit(log.body(0));
    const impostor = new TestLog(log.origin, generateSignerKey(log.origin)).grow(5, 'forged ');
    expect(await witness.submit(impostor.body(5))).toMatchObject({ status: 403, text: expect.stringMatching(/no signature by a trusted key/) });
    const tampered = log.body(0, 5).replace(/\n5\n/, '\n6\n');
    expect((await witness.submit(tampered)).status).toBe(403);
    expect(JSON.parse((await witness.get('/evidence')).text)).toEqual([]);
  });

  it('answers 400 when the old size is larger than the checkpoint', async () => {
    expect(await witness.submit(log.body(7, 5, []))).toMatchObject({ status: 400, text: expect.stringMatching(/old size 7 is larger than the checkpoint's size 5/) });
  });

  it.each([
    ['garbage', 'hello'],
    ['no old line', `\n${'x'}`],
    ['a leading zero', 'old 05\n\nx'],
    ['a proof line that is no hash', 'old 1\nnot-base64\n\nx'],
    ['a checkpoint that is no signed note', 'old 0\n\nmutasi.example.go.id/ledger\n5\n'],
    ['a checkpoint without a root line', 'old 0\n\nmutasi.example.go.id/ledger\n5\n\n\u2014 a AAAAAAAA\n'],
  ])('answers 400 for a malformed body: %s', async (_what, body) => {
    expect((await witness.submit(body)).status).toBe(400);
  });

  it('answers 400 for more than 63 proof lines', async () => {
    log.grow(100);
    const proof = Array.from({ length: 64 }, () => log.ledger.root(1));
    expect(await witness.submit(log.body(5, 105, proof))).toMatchObject({ status: 400, text: expect.stringMatching(/more than 63/) });
  });

  it('serves the latest cosigned checkpoint with its cosignature, 404 before the first', async () => {
    const path = `/checkpoint/${encodeURIComponent(log.origin)}`;
    expect((await witness.get(path)).status).toBe(404);
    await witness.submit(log.body(0));
    const latest = await witness.get(path);
    expect(latest.status).toBe(200);
    expect(latest.type).toBe('text/plain; charset=utf-8');
    expect(verifyCheckpoint(latest.text, log.verifierKey)).toMatchObject({ ok: true, checkpoint: { treeSize: 5 } });
    expect(verifyCosignature(latest.text, witness.verifierKey).ok).toBe(true);
  });

  it('answers /healthz, 405 for a wrong method and 404 elsewhere', async () => {
    expect(await witness.get('/healthz')).toMatchObject({ status: 200, text: 'ok\n' });
    expect((await witness.get('/add-checkpoint')).status).toBe(405);
    expect((await witness.get('/nothing')).status).toBe(404);
  });
});
