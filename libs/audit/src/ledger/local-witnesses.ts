import { join } from 'node:path';
import { startWitness, loadWitnessKey, trustedLogs, type RunningWitness } from '@mutasi/witness';
import type { WitnessEndpoint } from './ledger-witnesses';

/** Witnesses running inside the standalone process, and how to stop them. */
export interface LocalWitnesses {
  readonly endpoints: readonly WitnessEndpoint[];
  close(): Promise<void>;
}

const NAMES = ['saksi-inspektorat.mutasi.local', 'saksi-ombudsman.mutasi.local', 'saksi-bkn.mutasi.local', 'saksi-bpkp.mutasi.local', 'saksi-kpk.mutasi.local'];

/**
 * Standalone's demo witnesses (docs/witness.md): `count` witness servers on loopback, each with its own key and
 * state under `<data dir>/witnesses/<name>`, trusting this ledger's key. In production each is `apps/witness`, run
 * by an outside institution, and the log is pointed at them with LEDGER_WITNESSES.
 */
export async function startLocalWitnesses(count: number, dataDir: string, logVerifierKey: string, log: (line: string) => void): Promise<LocalWitnesses> {
  const running: RunningWitness[] = [];
  const endpoints: WitnessEndpoint[] = [];
  try {
    for (const name of NAMES.slice(0, count)) {
      const dir = join(dataDir, 'witnesses', name);
      const key = loadWitnessKey({ name, keyFile: null, dataDir: dir }, log);
      const witness = await startWitness({ signerKey: key.signerKey, logs: trustedLogs([logVerifierKey]), dataDir: dir, host: '127.0.0.1', port: 0, log });
      running.push(witness);
      endpoints.push({ url: witness.url, verifierKey: key.verifierKey });
      log(`witness ${name} at ${witness.url}, cosigner key ${key.verifierKey}`);
    }
  } catch (error: unknown) {
    await Promise.all(running.map((w) => w.close()));
    throw error;
  }
  return { endpoints, close: async () => void (await Promise.all(running.map((w) => w.close()))) };
}
