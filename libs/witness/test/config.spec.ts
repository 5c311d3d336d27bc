import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cosignerVerifierKey, generateCosignerKey, generateSignerKey, verifierKeyFromSignerKey } from '@mutasi/integrity';
import { loadWitnessConfig, loadWitnessKey, WitnessConfigError } from '../src';

const LOG_A = verifierKeyFromSignerKey(generateSignerKey('mutasi.example.go.id/ledger'));
const LOG_B = verifierKeyFromSignerKey(generateSignerKey('mutasi.bkn.example/ledger'));

/** The problems a configuration is refused with, or "accepted". */
function problemsOf(run: () => unknown): readonly string[] | 'accepted' {
  try {
    run();
    return 'accepted';
  } catch (error: unknown) {
    if (error instanceof WitnessConfigError) return error.problems;
    throw error;
  }
}

describe('witness configuration from the environment', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'mutasi-witness-config-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the logs, the data dir and binds 127.0.0.1:3010 by default', () => {
    const config = loadWitnessConfig({ WITNESS_DATA_DIR: dir, WITNESS_LOGS: `${LOG_A}, ${LOG_B}` });
    expect({ ...config, logs: [...config.logs.keys()] }).toEqual({
      name: null,
      keyFile: null,
      dataDir: dir,
      logs: ['mutasi.example.go.id/ledger', 'mutasi.bkn.example/ledger'],
      logKeys: [LOG_A, LOG_B],
      host: '127.0.0.1',
      port: 3010,
      prefix: '',
    });
  });

  it('names every missing or bad variable and how to fix it', () => {
    expect(problemsOf(() => loadWitnessConfig({}))).toEqual([expect.stringMatching(/^WITNESS_DATA_DIR is required/), expect.stringMatching(/^WITNESS_LOGS is required/)]);
    const witnessKey = cosignerVerifierKey(generateCosignerKey('w.example'));
    expect(problemsOf(() => loadWitnessConfig({ WITNESS_DATA_DIR: dir, WITNESS_LOGS: witnessKey, PORT: 'x', WITNESS_URL_PREFIX: 'no-slash' }))).toEqual([
      expect.stringMatching(/^WITNESS_LOGS: log key 1 .*invalid verifier key/),
      expect.stringMatching(/^PORT must be/),
      expect.stringMatching(/^WITNESS_URL_PREFIX must be a path/),
    ]);
    expect(problemsOf(() => loadWitnessConfig({ WITNESS_DATA_DIR: dir, WITNESS_LOGS: `${LOG_A},${LOG_A}` }))).toEqual([expect.stringMatching(/listed twice/)]);
  });

  it('generates the key on first start into <data dir>/witness.key, mode 600, and prints its verifier key', () => {
    const lines: string[] = [];
    const first = loadWitnessKey({ name: 'witness.inspektorat.example', keyFile: null, dataDir: dir }, (line) => lines.push(line));
    const file = join(dir, 'witness.key');
    expect(first).toMatchObject({ name: 'witness.inspektorat.example', file, generated: true });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(first.signerKey);
    expect(lines).toEqual([expect.stringContaining(`verifier key: ${first.verifierKey}`)]);
    expect(lines.join('')).not.toContain(first.signerKey);
    const again = loadWitnessKey({ name: null, keyFile: null, dataDir: dir }, () => undefined);
    expect(again).toEqual({ ...first, generated: false });
  });

  it('refuses to start without a name for a new key, with a key of another name, or with a missing or bad key file', () => {
    expect(problemsOf(() => loadWitnessKey({ name: null, keyFile: null, dataDir: dir }, () => undefined))).toEqual([
      expect.stringMatching(/^WITNESS_NAME is required on first start/),
    ]);
    const file = join(dir, 'mine.key');
    writeFileSync(file, `${generateCosignerKey('witness.bkn.example')}\n`, { mode: 0o600 });
    expect(problemsOf(() => loadWitnessKey({ name: 'witness.ombudsman.example', keyFile: file, dataDir: dir }, () => undefined))).toEqual([
      expect.stringMatching(/^WITNESS_NAME is witness\.ombudsman\.example but the key in .* is named witness\.bkn\.example/),
    ]);
    expect(problemsOf(() => loadWitnessKey({ name: null, keyFile: join(dir, 'absent.key'), dataDir: dir }, () => undefined))).toEqual([
      expect.stringMatching(/^WITNESS_KEY_FILE: .* does not exist/),
    ]);
    writeFileSync(file, `${generateSignerKey('witness.bkn.example')}\n`);
    expect(problemsOf(() => loadWitnessKey({ name: null, keyFile: file, dataDir: dir }, () => undefined))).toEqual([
      expect.stringMatching(/^WITNESS_KEY_FILE: .* does not hold a witness signer key .*type 0x01/),
    ]);
  });
});
