import { equalBytes, sha256, toHex, tryFromBase64, utf8 } from './bytes';

/** The fields of a checkpoint whose signature verified. */
export interface SignedHead {
  readonly origin: string;
  readonly treeSize: number;
  readonly rootHash: Uint8Array;
  readonly timestamp: Date;
}

/** A verifier key `<name>+<hex key id>+<base64(0x01 ‖ Ed25519 public key)>`, parsed and its id checked. */
export interface VerifierKey {
  readonly name: string;
  readonly keyId: Uint8Array;
  readonly publicKey: Uint8Array<ArrayBuffer>;
}

/** Outcome of {@link verifyCheckpoint}: never an exception. */
export type CheckpointCheck = { readonly ok: true; readonly head: SignedHead } | { readonly ok: false; readonly reason: string };

const SIGNATURE_PREFIX = '\u2014 ';
const CONTROL_EXCEPT_NEWLINE = /[\u0000-\u0009\u000b-\u001f]/;
const DECIMAL = /^(0|[1-9][0-9]*)$/;
const TIMESTAMP_PREFIX = 'timestamp ';
const MAX_SECONDS = 8.64e12;
const MAX_NOTE_LENGTH = 1 << 20;

/** c2sp.org/signed-note key names: non-empty, no spaces, no "+", no control characters. */
const isKeyName = (name: string): boolean => name.length > 0 && !/[\s\u0085+\u0000-\u001f\u007f]/.test(name);

/** Ed25519 key id: the first 4 bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ key). */
async function keyIdOf(name: string, publicKey: Uint8Array): Promise<Uint8Array> {
  return (await sha256(utf8(name), Uint8Array.of(0x0a, 0x01), publicKey)).slice(0, 4);
}

/**
 * Parses a verifier key the inspector pinned. The base64 part may itself contain "+", so the text is split at its
 * first two plus signs only. Throws with the reason (in Indonesian) when it is not a well-formed Ed25519 key.
 */
export async function parseVerifierKey(text: string): Promise<VerifierKey> {
  const key = text.trim();
  if (key.startsWith('PRIVATE+KEY+')) throw new Error('ini kunci penanda tangan yang rahasia, bukan kunci verifikator: jangan tempel di sini, dan laporkan ke operator bahwa kunci itu bocor');
  const first = key.indexOf('+');
  const second = first < 0 ? -1 : key.indexOf('+', first + 1);
  if (second < 0) throw new Error('kunci verifikator tidak berbentuk <nama>+<id>+<kunci>');
  const name = key.slice(0, first);
  const idHex = key.slice(first + 1, second);
  const encoded = key.slice(second + 1);
  if (!isKeyName(name)) throw new Error('nama kunci verifikator kosong atau memuat spasi');
  if (!/^[0-9a-fA-F]{8}$/.test(idHex)) throw new Error('id kunci verifikator bukan 8 digit heksadesimal');
  const bytes = tryFromBase64(encoded);
  if (bytes === undefined) throw new Error('bagian kunci dari kunci verifikator bukan base64 yang sah');
  if (bytes.length !== 33 || bytes[0] !== 0x01) throw new Error('kunci verifikator bukan kunci Ed25519 (0x01 ‖ 32 bita)');
  const publicKey = bytes.slice(1);
  const keyId = await keyIdOf(name, publicKey);
  if (toHex(keyId) !== idHex.toLowerCase()) throw new Error('id kunci verifikator tidak cocok dengan kuncinya (salah salin?)');
  return { name, keyId, publicKey };
}

async function importEd25519(publicKey: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  try {
    return await crypto.subtle.importKey('raw', publicKey, { name: 'Ed25519' }, false, ['verify']);
  } catch (e) {
    if (e instanceof Error && e.name === 'NotSupportedError') throw new Error('peramban ini tidak mendukung Ed25519 di WebCrypto; gunakan versi peramban yang lebih baru');
    throw new Error('kunci verifikator bukan kunci publik Ed25519 yang sah');
  }
}

interface NoteSignature { readonly name: string; readonly keyId: Uint8Array; readonly signature: Uint8Array<ArrayBuffer> }

/** Splits a signed note into its text (ending in a newline) and signature lines, as c2sp.org/signed-note says. */
function parseNote(note: unknown): { text: string; signatures: NoteSignature[] } {
  if (typeof note !== 'string') throw new Error('checkpoint bukan teks');
  if (note.length > MAX_NOTE_LENGTH) throw new Error('checkpoint terlalu panjang');
  if (CONTROL_EXCEPT_NEWLINE.test(note)) throw new Error('checkpoint memuat karakter kendali selain baris baru');
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw new Error('checkpoint tanpa baris kosong sebelum tanda tangan');
  const text = note.slice(0, split + 1);
  const block = note.slice(split + 2);
  if (block === '' || !block.endsWith('\n')) throw new Error('blok tanda tangan checkpoint kosong atau tidak diakhiri baris baru');
  const signatures = block.slice(0, -1).split('\n').map((line) => {
    if (!line.startsWith(SIGNATURE_PREFIX)) throw new Error('baris tanda tangan checkpoint tidak diawali "— "');
    const rest = line.slice(SIGNATURE_PREFIX.length);
    const space = rest.indexOf(' ');
    const name = space < 0 ? rest : rest.slice(0, space);
    const bytes = space < 0 ? undefined : tryFromBase64(rest.slice(space + 1));
    if (!isKeyName(name) || bytes === undefined || bytes.length < 5) throw new Error('baris tanda tangan checkpoint tidak berbentuk "— <nama> <base64>"');
    return { name, keyId: bytes.slice(0, 4), signature: bytes.slice(4) };
  });
  return { text, signatures };
}

/** The fields of a checkpoint text: origin, tree size, root hash and exactly one `timestamp <seconds>` line. */
function parseCheckpointText(text: string): SignedHead {
  const [origin, size, root, ...extensions] = text.slice(0, -1).split('\n');
  if (!origin) throw new Error('baris origin checkpoint kosong');
  if (size === undefined || !DECIMAL.test(size) || !Number.isSafeInteger(Number(size))) throw new Error('baris kedua checkpoint bukan ukuran pohon');
  const rootHash = tryFromBase64(root);
  if (rootHash === undefined || rootHash.length !== 32) throw new Error('baris ketiga checkpoint bukan hash akar 32 bita (base64)');
  if (extensions.some((line) => line === '')) throw new Error('checkpoint memuat baris ekstensi kosong');
  const stamps = extensions.filter((line) => line.startsWith(TIMESTAMP_PREFIX));
  if (stamps.length !== 1) throw new Error(`checkpoint harus memuat tepat satu baris "timestamp", ada ${stamps.length}`);
  const seconds = (stamps[0] as string).slice(TIMESTAMP_PREFIX.length);
  if (!DECIMAL.test(seconds) || Number(seconds) > MAX_SECONDS) throw new Error('waktu checkpoint bukan detik POSIX');
  return { origin, treeSize: Number(size), rootHash, timestamp: new Date(Number(seconds) * 1000) };
}

/**
 * Verifies a C2SP checkpoint (signed note) with the pinned verifier key, as the server's verifier does: signature
 * lines of other keys are ignored (witnesses), every line of the pinned key (same name and key id) must carry an
 * Ed25519 signature of the note text that WebCrypto accepts, and at least one must be present. Never throws.
 */
export async function verifyCheckpoint(note: unknown, key: VerifierKey): Promise<CheckpointCheck> {
  try {
    const { text, signatures } = parseNote(note);
    const mine = signatures.filter((s) => s.name === key.name && equalBytes(s.keyId, key.keyId));
    if (mine.length === 0) {
      const sameName = signatures.find((s) => s.name === key.name);
      if (sameName) return { ok: false, reason: `ditandatangani oleh kunci lain bernama ${key.name} (id ${toHex(sameName.keyId)}), bukan oleh kunci yang Anda sematkan (id ${toHex(key.keyId)})` };
      return { ok: false, reason: `tidak ada tanda tangan dari ${key.name}; hanya dari ${signatures.map((s) => s.name).join(', ')}` };
    }
    const cryptoKey = await importEd25519(key.publicKey);
    const message = utf8(text);
    for (const s of mine) {
      const valid = s.signature.length === 64 && (await crypto.subtle.verify({ name: 'Ed25519' }, cryptoKey, s.signature, message));
      if (!valid) return { ok: false, reason: `tanda tangan ${key.name} (id ${toHex(key.keyId)}) tidak sah: isi checkpoint diubah atau tanda tangannya rusak` };
    }
    return { ok: true, head: parseCheckpointText(text) };
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
}
