import { isAbsolute, resolve } from 'node:path';
import { splitKeyList, trustedLogs, type TrustedLogs } from './trusted-logs';

/** How a witness runs, from its environment (see {@link WITNESS_VARIABLES}). */
export interface WitnessConfig {
  /** The witness's key name (WITNESS_NAME); needed to generate a key, checked against a key file. */
  readonly name: string | null;
  /** The signer key file (WITNESS_KEY_FILE); null: `<data dir>/witness.key`, generated on first start. */
  readonly keyFile: string | null;
  readonly dataDir: string;
  readonly logs: TrustedLogs;
  /** The log verifier keys as given, for the start-up line. */
  readonly logKeys: readonly string[];
  readonly host: string;
  readonly port: number;
  /** URL prefix of the witness routes (WITNESS_URL_PREFIX): `''` or `/something`, no trailing slash. */
  readonly prefix: string;
}

/** Every variable the witness reads. */
export const WITNESS_VARIABLES = ['WITNESS_NAME', 'WITNESS_KEY_FILE', 'WITNESS_DATA_DIR', 'WITNESS_LOGS', 'WITNESS_URL_PREFIX', 'HOST', 'PORT'] as const;

/** The port a witness listens on unless PORT says otherwise. */
export const DEFAULT_WITNESS_PORT = 3010;

/** A configuration the witness cannot start with; the message lists every problem and its fix. */
export class WitnessConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid witness configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'WitnessConfigError';
  }
}

/**
 * Reads and checks the witness's environment. Nothing is written here: the key is loaded (or generated) by
 * loadWitnessKey.
 * @throws WitnessConfigError naming every missing or bad variable
 */
export function loadWitnessConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): WitnessConfig {
  const problems: string[] = [];
  const text = (name: string): string | null => (env[name]?.trim() ? (env[name] as string).trim() : null);
  const path = (value: string): string => (isAbsolute(value) ? value : resolve(cwd, value));

  const dataDir = text('WITNESS_DATA_DIR');
  if (dataDir === null)
    problems.push(
      'WITNESS_DATA_DIR is required: the directory where the witness keeps the latest checkpoint it cosigned for each log and the evidence of conflicts, e.g. WITNESS_DATA_DIR=/var/lib/mutasi-witness',
    );

  const logKeys = splitKeyList(env.WITNESS_LOGS ?? '');
  let logs: TrustedLogs = new Map();
  if (logKeys.length === 0)
    problems.push(
      'WITNESS_LOGS is required: the verifier keys of the logs this witness vouches for, separated by commas, e.g. WITNESS_LOGS=mutasi.example.go.id/ledger+1a2b3c4d+AX… (the "verifierKey" of GET /api/audit/ledger/public-key)',
    );
  else {
    try {
      logs = trustedLogs(logKeys);
    } catch (error: unknown) {
      problems.push(`WITNESS_LOGS: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  const port = Number(text('PORT') ?? String(DEFAULT_WITNESS_PORT));
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push(`PORT must be a whole number from 0 to 65535 (got ${JSON.stringify(env.PORT)})`);

  const prefix = (text('WITNESS_URL_PREFIX') ?? '').replace(/\/+$/, '');
  if (prefix !== '' && (!prefix.startsWith('/') || /[?#\s]/.test(prefix)))
    problems.push(`WITNESS_URL_PREFIX must be a path such as /witness (got ${JSON.stringify(env.WITNESS_URL_PREFIX)})`);

  const keyFile = text('WITNESS_KEY_FILE');
  const name = text('WITNESS_NAME');
  if (problems.length > 0) throw new WitnessConfigError(problems);
  return { name, keyFile: keyFile === null ? null : path(keyFile), dataDir: path(dataDir as string), logs, logKeys, host: text('HOST') ?? '127.0.0.1', port, prefix };
}
