import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateSignerKey, parseSignerKey, verifierKeyFromSignerKey } from '@mutasi/integrity';

/** The ledger's signing key (a signed-note `PRIVATE+KEY+…` string) and where it came from. */
export interface LedgerKey {
  readonly signerKey: string;
  readonly verifierKey: string;
  readonly source: string;
}

/**
 * The signing key lives outside the database: `LEDGER_SIGNER_KEY`, or the file `LEDGER_SIGNER_KEY_FILE`. In
 * standalone mode, without either, one is generated on first start into `<data dir>/ledger-signer.key` (mode 600).
 */
export function loadLedgerKey(
  options: { signerKey: string | null; signerKeyFile: string | null; dataDir: string; origin: string; standalone: boolean },
  log: (line: string) => void,
): LedgerKey {
  const fromText = (text: string, source: string): LedgerKey => {
    const key = text.trim();
    parseSignerKey(key);
    return { signerKey: key, verifierKey: verifierKeyFromSignerKey(key), source };
  };
  if (options.signerKey) return fromText(options.signerKey, 'LEDGER_SIGNER_KEY');
  if (options.signerKeyFile) return fromText(readFileSync(options.signerKeyFile, 'utf8'), options.signerKeyFile);
  if (!options.standalone) throw new Error('set LEDGER_SIGNER_KEY or LEDGER_SIGNER_KEY_FILE: the ledger signing key must live outside the database');
  const file = join(options.dataDir, 'ledger-signer.key');
  if (existsSync(file)) return fromText(readFileSync(file, 'utf8'), file);
  mkdirSync(dirname(file), { recursive: true });
  const name = options.origin.replace(/[^A-Za-z0-9.\-/_]/g, '_');
  writeFileSync(file, `${generateSignerKey(name)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  const key = fromText(readFileSync(file, 'utf8'), file);
  log(`generated the ledger signing key in ${file} (keep it safe, outside the database); verifier key: ${key.verifierKey}`);
  return key;
}
