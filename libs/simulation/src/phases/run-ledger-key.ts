import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSignerKey, parseSignerKey, verifierKeyFromSignerKey } from '@mutasi/integrity';

/** The ledger's signing key for this run, and where it came from (the shape audit-service's TreeHeads takes). */
export interface RunLedgerKey {
  readonly signerKey: string;
  readonly verifierKey: string;
  readonly source: string;
}

/** The origin line of the run's checkpoints: the deployment's (`LEDGER_ORIGIN`) or audit-service's default. */
export function runLedgerOrigin(): string {
  return process.env.LEDGER_ORIGIN ?? 'mutasi.example.go.id/ledger';
}

const signerFile = (workDir: string): string => join(workDir, 'ledger-signer.key');
/** The public half, as an inspector holds it out of band: the bundle phase verifies against this file. */
export const verifierKeyFile = (workDir: string): string => join(workDir, 'ledger-verifier.key');

function keyFrom(text: string, source: string): RunLedgerKey {
  const signerKey = text.trim();
  parseSignerKey(signerKey);
  return { signerKey, verifierKey: verifierKeyFromSignerKey(signerKey), source };
}

/**
 * The key the run signs its ledger with: `LEDGER_SIGNER_KEY` when set, else the run's own Ed25519 key in
 * `<workDir>/ledger-signer.key` (generated on the first run, mode 600, kept so a resumed run signs with the same
 * key). Either way the verifier key is written to `<workDir>/ledger-verifier.key`.
 */
export function runLedgerKey(workDir: string): RunLedgerKey {
  mkdirSync(workDir, { recursive: true });
  const file = signerFile(workDir);
  let key: RunLedgerKey;
  if (process.env.LEDGER_SIGNER_KEY) key = keyFrom(process.env.LEDGER_SIGNER_KEY, 'LEDGER_SIGNER_KEY');
  else {
    if (!existsSync(file)) {
      writeFileSync(file, `${generateSignerKey(runLedgerOrigin().replace(/[^A-Za-z0-9.\-/_]/g, '_'))}\n`, { mode: 0o600 });
      chmodSync(file, 0o600);
    }
    key = keyFrom(readFileSync(file, 'utf8'), file);
  }
  writeFileSync(verifierKeyFile(workDir), `${key.verifierKey}\n`);
  return key;
}

/** The signing key the ledger phase used; throws when the ledger phase has not run in this work dir. */
export function existingRunLedgerKey(workDir: string): RunLedgerKey {
  if (process.env.LEDGER_SIGNER_KEY) return keyFrom(process.env.LEDGER_SIGNER_KEY, 'LEDGER_SIGNER_KEY');
  const file = signerFile(workDir);
  if (!existsSync(file)) throw new Error(`no ledger signing key in ${workDir}: run the ledger phase first`);
  return keyFrom(readFileSync(file, 'utf8'), file);
}

/** The verifier key the ledger phase wrote, read back as an inspector would. */
export function runVerifierKey(workDir: string): string {
  const file = verifierKeyFile(workDir);
  if (!existsSync(file)) throw new Error(`no verifier key in ${file}: run the ledger phase first`);
  return readFileSync(file, 'utf8').trim();
}
