import { equalBytes, sha256, toHex, tryFromBase64, utf8 } from './bytes';
import { ed25519Verifies, importEd25519, isKeyName, parseNote, splitKey, type NoteSignature } from './note';

/**
 * Witness cosignatures (c2sp.org/tlog-cosignature, `cosignature/v1`, Ed25519) checked with WebCrypto. A cosignature
 * is a signature line `— <witness> base64(key ID ‖ u64 big-endian POSIX seconds ‖ 64-byte signature)` over
 *
 *     cosignature/v1\ntime <seconds>\n<the checkpoint's note text>
 *
 * Cosigner keys are `<name>+<hex id>+<base64(0x04 ‖ public key)>`, id = SHA-256(name ‖ 0x0A ‖ 0x04 ‖ key)[:4], so a
 * log's note key (type 0x01) never passes for a witness.
 */
export interface CosignerKey {
  readonly name: string;
  readonly keyId: Uint8Array;
  readonly publicKey: Uint8Array<ArrayBuffer>;
}

export type CosignatureCheck = { readonly ok: true; readonly name: string; readonly time: Date } | { readonly ok: false; readonly reason: string };

const TYPE_COSIGNATURE_V1 = 0x04;
const MAX_SECONDS = 8.64e12;

/** Parses a cosigner verifier key and checks its id; throws with the reason in Indonesian. */
export async function parseCosignerKey(text: unknown): Promise<CosignerKey> {
  const bad = (why: string): Error => new Error(`kunci saksi tidak sah: ${why}`);
  if (typeof text !== 'string') throw bad('bukan teks');
  const parts = splitKey(text);
  const expected = 'seharusnya <nama>+<8 digit heksadesimal>+<base64(0x04 ‖ kunci publik Ed25519 32 bita)>';
  if (parts === null) throw bad(expected);
  const [name, idHex, encoded] = parts;
  if (!isKeyName(name)) throw bad('nama kunci kosong atau memuat spasi atau "+"');
  if (!/^[0-9a-fA-F]{8}$/.test(idHex)) throw bad(expected);
  const bytes = tryFromBase64(encoded);
  if (bytes === undefined || bytes.length !== 33) throw bad(expected);
  if (bytes[0] === 0x01) throw bad('ini kunci penanda tangan catatan (tipe 0x01, kunci log), bukan kunci saksi (tipe 0x04)');
  if (bytes[0] !== TYPE_COSIGNATURE_V1) throw bad(`tipe kunci 0x${(bytes[0] as number).toString(16).padStart(2, '0')} tidak dikenal; ${expected}`);
  const publicKey = bytes.slice(1);
  const keyId = (await sha256(utf8(name), Uint8Array.of(0x0a, TYPE_COSIGNATURE_V1), publicKey)).slice(0, 4);
  if (toHex(keyId) !== idHex.toLowerCase()) throw bad('id kunci tidak cocok dengan kuncinya (salah salin?)');
  return { name, keyId, publicKey };
}

/** The bytes a cosignature/v1 signature covers. */
const cosignedMessage = (text: string, seconds: number): Uint8Array<ArrayBuffer> => utf8(`cosignature/v1\ntime ${seconds}\n${text}`);

/** The line's time in seconds when it verifies, or what is wrong with it. */
async function checkLine(line: NoteSignature, text: string, key: CryptoKey): Promise<number | string> {
  if (line.signature.length !== 8 + 64) return 'bukan cap waktu dan tanda tangan Ed25519';
  const stamp = new DataView(line.signature.buffer, line.signature.byteOffset, 8).getBigUint64(0);
  if (stamp > BigInt(MAX_SECONDS)) return `memuat waktu di luar jangkauan (${stamp})`;
  const seconds = Number(stamp);
  if (await ed25519Verifies(key, line.signature.slice(8), cosignedMessage(text, seconds))) return seconds;
  return 'tidak sah: isi checkpoint, waktunya atau tanda tangannya diubah';
}

/**
 * Checks a signed checkpoint for a cosignature by one witness key: lines of other keys are ignored, every line with
 * the witness's name and key id must verify, and one must be present. Gives the latest cosigning time. Never throws.
 */
export async function verifyCosignature(note: string, key: CosignerKey): Promise<CosignatureCheck> {
  let text: string;
  let signatures: NoteSignature[];
  let cryptoKey: CryptoKey;
  try {
    ({ text, signatures } = parseNote(note));
    cryptoKey = await importEd25519(key.publicKey);
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
  let latest: number | null = null;
  for (const line of signatures.filter((s) => s.name === key.name && equalBytes(s.keyId, key.keyId))) {
    const seconds = await checkLine(line, text, cryptoKey);
    if (typeof seconds === 'string') return { ok: false, reason: `kesaksian ${key.name} (id ${toHex(key.keyId)}) ${seconds}` };
    latest = latest === null ? seconds : Math.max(latest, seconds);
  }
  if (latest !== null) return { ok: true, name: key.name, time: new Date(latest * 1000) };
  const sameName = signatures.find((s) => s.name === key.name);
  if (sameName) return { ok: false, reason: `ditandatangani kunci lain bernama ${key.name} (id ${toHex(sameName.keyId)}), bukan kunci saksi ${toHex(key.keyId)}` };
  return { ok: false, reason: `tidak ada kesaksian dari ${key.name}` };
}
