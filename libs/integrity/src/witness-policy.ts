import { NoteError } from './errors';
import { parseCosignerVerifierKey, verifyCosignature, type CosignerVerifierKey } from './note/cosignature';

/**
 * A verifier's witness policy: a checkpoint is trusted only when at least `threshold` of these witnesses cosigned
 * it (c2sp.org/tlog-cosignature), so a log would have to fool that many outside institutions to show one reader a
 * history another reader never sees.
 */
export interface WitnessPolicy {
  /** How many distinct witnesses must have cosigned; at least 1. */
  readonly threshold: number;
  /** Cosigner verifier keys `<name>+<hex id>+<base64(0x04 ‖ key)>`, one per witness. */
  readonly witnesses: readonly string[];
}

/** Outcome of {@link checkWitnessPolicy}. */
export interface WitnessPolicyCheck {
  readonly ok: boolean;
  /** The witnesses whose cosignature verifies, each once, in policy order, with their latest cosigning time. */
  readonly cosigned: { readonly name: string; readonly time: Date }[];
  /** Names of the policy's witnesses without a valid cosignature. */
  readonly missing: string[];
  readonly reason: string | null;
}

const DECIMAL = /^(0|[1-9][0-9]*)$/;

/**
 * Parses a witness policy written as `<k> of <vkey> <vkey> …`: a threshold, the word `of`, then the cosigner
 * verifier keys separated by commas, spaces or newlines. `#` starts a comment up to the end of its line, so a policy
 * file can say who runs each witness:
 *
 *     2 of
 *       witness.inspektorat.example+1a2b3c4d+BK…   # Inspektorat Jenderal
 *       witness.bkn.example+5e6f7a8b+BP…           # BKN
 *       witness.ombudsman.example+9c0d1e2f+BA…     # Ombudsman RI
 *
 * `k` must be from 1 to the number of witnesses; a witness name may appear once only.
 * @throws NoteError `INVALID_VERIFIER_KEY`, with a message that says what to fix
 */
export function parseWitnessPolicy(text: string): WitnessPolicy {
  const bad = (why: string): NoteError => new NoteError('INVALID_VERIFIER_KEY', `invalid witness policy: ${why}`);
  if (typeof text !== 'string') throw bad('not a string');
  const words = text
    .split('\n')
    .map((line) => line.replace(/#.*$/, ''))
    .join('\n')
    .split(/[\s,]+/)
    .filter((word) => word !== '');
  const [k, of, ...keys] = words;
  if (k === undefined || of !== 'of' || !DECIMAL.test(k)) throw bad('expected "<k> of <witness key>, <witness key>, …", e.g. "2 of witness-a+1a2b3c4d+BK…, witness-b+…"');
  const threshold = Number(k);
  if (keys.length === 0) throw bad('no witness keys after "of"');
  const parsed = keys.map((key, i): CosignerVerifierKey => {
    try {
      return parseCosignerVerifierKey(key);
    } catch (error: unknown) {
      throw bad(`witness key ${i + 1}: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
  const names = parsed.map((key) => key.name);
  const repeated = names.find((name, i) => names.indexOf(name) !== i);
  if (repeated !== undefined) throw bad(`witness ${repeated} is listed twice: each witness counts once`);
  if (threshold < 1 || threshold > keys.length) throw bad(`k must be from 1 to ${keys.length} (the number of witness keys), got ${threshold}`);
  return { threshold, witnesses: keys };
}

/**
 * Checks the cosignatures of a signed checkpoint against a witness policy. A witness counts once however many
 * lines it signed; lines by keys outside the policy are ignored. It does NOT check the log's own signature: verify
 * the checkpoint with the log's key first (verifyCheckpoint). Never throws: a bad policy is a `reason` too.
 */
export function checkWitnessPolicy(signedNote: string, policy: WitnessPolicy): WitnessPolicyCheck {
  const cosigned: { name: string; time: Date }[] = [];
  const missing: string[] = [];
  const failures: string[] = [];
  const threshold = policy?.threshold;
  const witnesses: readonly unknown[] = Array.isArray(policy?.witnesses) ? policy.witnesses : [];
  if (typeof threshold !== 'number' || !Number.isSafeInteger(threshold) || threshold < 1) {
    return { ok: false, cosigned, missing, reason: `the policy's threshold must be a whole number of at least 1` };
  }
  const seen = new Set<string>();
  for (const [i, witness] of witnesses.entries()) {
    let key: CosignerVerifierKey;
    try {
      key = parseCosignerVerifierKey(witness);
    } catch (error: unknown) {
      return { ok: false, cosigned, missing, reason: `the policy's witness key ${i + 1} is unusable: ${error instanceof Error ? error.message : String(error)}` };
    }
    if (seen.has(key.name)) continue;
    seen.add(key.name);
    const check = verifyCosignature(signedNote, key);
    if (check.ok) cosigned.push({ name: check.name, time: check.time });
    else {
      missing.push(key.name);
      failures.push(check.reason);
    }
  }
  if (cosigned.length >= threshold) return { ok: true, cosigned, missing, reason: null };
  const need = threshold > seen.size ? ` (the policy names only ${seen.size} witnesses)` : '';
  return { ok: false, cosigned, missing, reason: `${cosigned.length} of the ${threshold} cosignatures the policy asks for${need}: ${failures.join('; ') || 'no witness listed'}` };
}
