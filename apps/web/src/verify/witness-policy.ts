import { parseCosignerKey, verifyCosignature, type CosignerKey } from './cosignature';
import type { WitnessPolicy } from './types';

export interface WitnessPolicyCheck {
  readonly ok: boolean;
  /** The policy's witnesses whose cosignature verifies, each once, in policy order, with their latest time. */
  readonly cosigned: { readonly name: string; readonly time: Date }[];
  readonly reason: string | null;
}

const DECIMAL = /^(0|[1-9][0-9]*)$/;

/**
 * Reads a witness policy written `<k> of <key> <key> …` (keys separated by commas, spaces or new lines; `#` starts a
 * comment to the end of its line), as libs/integrity's parseWitnessPolicy does. Empty text is no policy (null).
 * Throws with what to fix, in Indonesian.
 */
export async function parseWitnessPolicy(text: string): Promise<WitnessPolicy | null> {
  const bad = (why: string): Error => new Error(`kebijakan saksi tidak sah: ${why}`);
  const words = text
    .split('\n')
    .map((line) => line.replace(/#.*$/, ''))
    .join('\n')
    .split(/[\s,]+/)
    .filter((w) => w !== '');
  if (words.length === 0) return null;
  const [k, of, ...keys] = words;
  if (k === undefined || of !== 'of' || !DECIMAL.test(k)) throw bad('seharusnya "<k> of <kunci saksi>, <kunci saksi>, …", misalnya "2 of saksi-a+1a2b3c4d+BK…, saksi-b+…"');
  if (keys.length === 0) throw bad('tidak ada kunci saksi setelah "of"');
  const parsed: CosignerKey[] = [];
  for (const [i, key] of keys.entries()) {
    try {
      parsed.push(await parseCosignerKey(key));
    } catch (e) {
      throw bad(`kunci saksi ke-${i + 1}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const names = parsed.map((key) => key.name);
  const repeated = names.find((name, i) => names.indexOf(name) !== i);
  if (repeated !== undefined) throw bad(`saksi ${repeated} tercantum dua kali: setiap saksi dihitung sekali`);
  const threshold = Number(k);
  if (threshold < 1 || threshold > keys.length) throw bad(`k harus antara 1 dan ${keys.length} (jumlah kunci saksi), bukan ${threshold}`);
  return { threshold, witnesses: keys };
}

/**
 * Checks the cosignatures of a signed checkpoint against a policy: a witness counts once however many lines it
 * signed, lines by keys outside the policy are ignored. The log's own signature is not checked here. Never throws.
 */
export async function checkWitnessPolicy(note: string, policy: WitnessPolicy): Promise<WitnessPolicyCheck> {
  const cosigned: { name: string; time: Date }[] = [];
  const failures: string[] = [];
  const { threshold } = policy;
  if (typeof threshold !== 'number' || !Number.isSafeInteger(threshold) || threshold < 1)
    return { ok: false, cosigned, reason: 'ambang kebijakan saksi harus bilangan bulat paling sedikit 1' };
  const seen = new Set<string>();
  for (const [i, witness] of (Array.isArray(policy.witnesses) ? policy.witnesses : []).entries()) {
    let key: CosignerKey;
    try {
      key = await parseCosignerKey(witness);
    } catch (e) {
      return { ok: false, cosigned, reason: `kunci saksi ke-${i + 1} dalam kebijakan tidak dapat dipakai: ${e instanceof Error ? e.message : String(e)}` };
    }
    if (seen.has(key.name)) continue;
    seen.add(key.name);
    const check = await verifyCosignature(note, key);
    if (check.ok) cosigned.push({ name: check.name, time: check.time });
    else failures.push(check.reason);
  }
  if (cosigned.length >= threshold) return { ok: true, cosigned, reason: null };
  const few = threshold > seen.size ? ` (kebijakan hanya menyebut ${seen.size} saksi)` : '';
  return { ok: false, cosigned, reason: `hanya ${cosigned.length} dari ${threshold} kesaksian yang diminta kebijakan${few}: ${failures.join('; ') || 'tidak ada saksi'}` };
}
