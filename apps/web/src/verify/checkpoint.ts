import { equalBytes, fromBase64, sha256, utf8 } from './bytes';

export interface SignedHead {
  readonly origin: string;
  readonly treeSize: number;
  readonly rootHash: Uint8Array;
  readonly timestamp: Date | null;
}

/**
 * Verifies a C2SP checkpoint (signed note) with a verifier key `<name>+<hex key id>+<base64(0x01 ‖ Ed25519 key)>`:
 * the key id must be SHA-256(name ‖ 0x0A ‖ 0x01 ‖ key)[0..4], a signature line of that name and id must carry an
 * Ed25519 signature of the note text that WebCrypto accepts. Returns the signed fields, or throws with the reason.
 */
export async function verifyCheckpoint(note: string, verifierKey: string): Promise<SignedHead> {
  const [name, idHex, keyB64, ...rest] = verifierKey.trim().split('+');
  if (!name || !idHex || !keyB64 || rest.length > 0) throw new Error('kunci verifikator tidak berbentuk <nama>+<id>+<kunci>');
  const keyBytes = fromBase64(keyB64);
  if (keyBytes.length !== 33 || keyBytes[0] !== 1) throw new Error('kunci verifikator bukan kunci Ed25519 (0x01 ‖ 32 bita)');
  const id = (await sha256(utf8(name), Uint8Array.of(0x0a), keyBytes)).slice(0, 4);
  if (Array.from(id, (b) => b.toString(16).padStart(2, '0')).join('') !== idHex.toLowerCase()) throw new Error('id kunci tidak cocok dengan kuncinya');
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw new Error('checkpoint tanpa baris tanda tangan');
  const text = note.slice(0, split + 1);
  const lines = note.slice(split + 2).split('\n').filter((l) => l !== '');
  const key = await crypto.subtle.importKey('raw', keyBytes.slice(1), { name: 'Ed25519' }, false, ['verify']);
  let verified = false;
  for (const line of lines) {
    const m = /^\u2014 (\S+) (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const sig = fromBase64(m[2] ?? '');
    if (sig.length !== 68 || !equalBytes(sig.slice(0, 4), id)) continue;
    if (await crypto.subtle.verify({ name: 'Ed25519' }, key, sig.slice(4), utf8(text))) verified = true;
  }
  if (!verified) throw new Error('tidak ada tanda tangan yang sah dari kunci yang Anda sematkan');
  const [origin, size, root, ...extensions] = text.slice(0, -1).split('\n');
  if (!origin || !size || !/^(0|[1-9][0-9]*)$/.test(size) || !root) throw new Error('isi checkpoint tidak lengkap');
  const ts = extensions.find((e) => e.startsWith('timestamp '));
  return { origin, treeSize: Number(size), rootHash: fromBase64(root), timestamp: ts ? new Date(Number(ts.slice(10)) * 1000) : null };
}
