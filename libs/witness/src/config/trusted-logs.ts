import { parseVerifierKey, type NoteVerifierKey } from '@mutasi/integrity';

/**
 * The logs a witness vouches for: origin → the log's Ed25519 note keys (type 0x01). More than one key for an origin
 * is a key rotation: a checkpoint signed by any of them is accepted.
 */
export type TrustedLogs = ReadonlyMap<string, readonly NoteVerifierKey[]>;

/**
 * The trusted logs from their verifier keys `<name>+<hex id>+<base64(0x01 ‖ key)>`. A log's origin is its key's name,
 * as C2SP recommends and as the Mutasi ledger names its key after LEDGER_ORIGIN.
 * @throws Error saying which key is wrong and why
 */
export function trustedLogs(verifierKeys: readonly string[]): TrustedLogs {
  const logs = new Map<string, NoteVerifierKey[]>();
  for (const [i, text] of verifierKeys.entries()) {
    let key: NoteVerifierKey;
    try {
      key = parseVerifierKey(text);
    } catch (error: unknown) {
      throw new Error(
        `log key ${i + 1} (${JSON.stringify(text.slice(0, 60))}): ${error instanceof Error ? error.message : String(error)}; a log key looks like <origin>+<8 hex digits>+<base64>, the "verifierKey" of GET /api/audit/ledger/public-key`,
        { cause: error },
      );
    }
    const keys = logs.get(key.name) ?? [];
    if (keys.some((k) => k.keyId.equals(key.keyId))) throw new Error(`log key ${i + 1} is listed twice`);
    logs.set(key.name, [...keys, key]);
  }
  return logs;
}

/** Splits a list of keys on commas, spaces and newlines (base64 never holds them). */
export function splitKeyList(text: string): string[] {
  return text.split(/[\s,]+/).filter((key) => key !== '');
}
