import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyCosignature } from '@mutasi/integrity';
import { createWitnessServer, stateFileName, trustedLogs, type CosignedCheckpoint, type Evidence } from '../src';
import { TestLog, TestWitness } from './test-log';

describe('witness state: atomic per log, durable across restarts', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  async function started(log: TestLog, options: Parameters<typeof TestWitness.start>[1] = {}): Promise<TestWitness> {
    const witness = await TestWitness.start([log], options);
    dirs.push(witness.dataDir);
    return witness;
  }

  it('never rolls back under concurrent submissions: exactly one wins, the others learn its size', async () => {
    const log = new TestLog().grow(4);
    const witness = await started(log);
    try {
      await witness.submit(log.body(0));
      log.grow(20);
      const sizes = [6, 24, 9, 17, 12];
      const answers = await Promise.all(sizes.map((size) => witness.submit(log.body(4, size))));
      const winners = answers.flatMap((a, i) => (a.status === 200 ? [sizes[i] as number] : []));
      expect(winners).toHaveLength(1);
      const won = winners[0] as number;
      expect(answers.filter((a) => a.status !== 200)).toEqual(Array.from({ length: 4 }, () => ({ status: 409, type: 'text/x.tlog.size', text: `${won}\n` })));
      const latest = await witness.get(`/checkpoint/${encodeURIComponent(log.origin)}`);
      expect(latest.text.split('\n')[1]).toBe(String(won));
      // What it cosigned last is the largest it cosigned: the next step must start from there.
      expect((await witness.submit(log.body(won))).status).toBe(200);
    } finally {
      await witness.close();
    }
  });

  it('keeps its state across a restart: a new server on the same data dir refuses the old size', async () => {
    const log = new TestLog().grow(3);
    const first = await started(log);
    await first.submit(log.body(0));
    log.grow(4);
    await first.submit(log.body(3));
    await first.close();

    const second = await started(log, { dataDir: first.dataDir, signerKey: first.signerKey });
    try {
      expect(await second.submit(log.body(3))).toEqual({ status: 409, type: 'text/x.tlog.size', text: '7\n' });
      expect(await second.submit(log.body(0))).toEqual({ status: 409, type: 'text/x.tlog.size', text: '7\n' });
      log.grow(1);
      expect((await second.submit(log.body(7))).status).toBe(200);
    } finally {
      await second.close();
    }
  });

  it('keeps evidence across a restart', async () => {
    const log = new TestLog().grow(3);
    const first = await started(log);
    await first.submit(log.body(0));
    await first.submit(new TestLog(log.origin, log.signerKey).grow(3, 'forged ').body(3));
    await first.close();
    const second = await started(log, { dataDir: first.dataDir, signerKey: first.signerKey });
    try {
      expect((JSON.parse((await second.get('/evidence')).text) as Evidence[]).map((e) => e.kind)).toEqual(['split-view']);
    } finally {
      await second.close();
    }
  });

  it('writes state as whole files renamed into place, leaving no temp file', async () => {
    const log = new TestLog().grow(2);
    const witness = await started(log);
    try {
      await witness.submit(log.body(0));
      const file = join(witness.dataDir, 'state', stateFileName(log.origin));
      expect(stateFileName(log.origin)).toBe('mutasi.example.go.id%2Fledger.json');
      expect(statSync(file).isFile()).toBe(true);
      expect(readdirSync(join(witness.dataDir, 'state'))).toEqual(['mutasi.example.go.id%2Fledger.json']);
      expect(readdirSync(witness.dataDir).sort()).toEqual(['evidence', 'state', 'witness.lock']);
    } finally {
      await witness.close();
    }
    expect(readdirSync(witness.dataDir).sort()).toEqual(['evidence', 'state']);
  });

  it('refuses a second witness on a data dir in use', async () => {
    const log = new TestLog();
    const witness = await started(log);
    try {
      expect(() => createWitnessServer({ signerKey: witness.signerKey, logs: trustedLogs([log.verifierKey]), dataDir: witness.dataDir })).toThrow(/already runs a witness/);
    } finally {
      await witness.close();
    }
  });

  it('takes over the lock of a process that is gone', async () => {
    const log = new TestLog().grow(1);
    const first = await started(log);
    await first.close();
    writeFileSync(join(first.dataDir, 'witness.lock'), '999999999\n');
    const second = await started(log, { dataDir: first.dataDir });
    await second.close();
  });

  it('fails closed on a damaged state file: 500, nothing cosigned, never taken as size 0', async () => {
    const log = new TestLog().grow(2);
    const witness = await started(log);
    try {
      await witness.submit(log.body(0));
      writeFileSync(join(witness.dataDir, 'state', stateFileName(log.origin)), '{"format":"something else"}');
      expect((await witness.submit(log.body(0))).status).toBe(500);
    } finally {
      await witness.close();
    }
  });

  it('never dates a cosignature before the previous one, even when the clock goes back', async () => {
    const log = new TestLog().grow(2);
    const clock = { now: new Date('2025-06-01T10:00:00Z') };
    const witness = await started(log, { now: () => clock.now });
    try {
      await witness.submit(log.body(0));
      clock.now = new Date('2025-06-01T09:00:00Z');
      const again = await witness.submit(log.body(2));
      expect(verifyCosignature(`${log.checkpoint()}${again.text}`, witness.verifierKey)).toMatchObject({ ok: true, time: new Date('2025-06-01T10:00:00Z') });
      const state = JSON.parse(readFileSync(join(witness.dataDir, 'state', stateFileName(log.origin)), 'utf8')) as CosignedCheckpoint;
      expect(state.cosignedAt).toBe('2025-06-01T10:00:00.000Z');
    } finally {
      await witness.close();
    }
  });
});
