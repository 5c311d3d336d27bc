import { equalBytes, sha256, toHex, tryFromBase64, utf8 } from './bytes';
import { ed25519Verifies, importEd25519, isKeyName, parseNote, splitKey } from './note';

/** What a checkpoint says of a map (docs/completeness.md): how many entries, and the root of their tree. */
export interface MapRoot {
  readonly count: number;
  readonly root: Uint8Array;
}

/** The fields of a checkpoint whose signature verified. */
export interface SignedHead {
  readonly origin: string;
  readonly treeSize: number;
  readonly rootHash: Uint8Array;
  readonly timestamp: Date;
  /** `mutasi/stream-heads <count> <b64 root>`: the last event of every stream in the first treeSize leaves. */
  readonly streamHeads?: MapRoot;
  /** `mutasi/agency-cases <count> <b64 root>`: every case stream of every agency in the first treeSize leaves. */
  readonly agencyCases?: MapRoot;
  /** The signed note text (without signature lines): what witnesses cosign. */
  readonly text: string;
}

/** A verifier key `<name>+<hex key id>+<base64(0x01 ‖ Ed25519 public key)>`, parsed and its id checked. */
export interface VerifierKey {
  readonly name: string;
  readonly keyId: Uint8Array;
  readonly publicKey: Uint8Array<ArrayBuffer>;
}

/** Outcome of {@link verifyCheckpoint}: never an exception. */
export type CheckpointCheck = { readonly ok: true; readonly head: SignedHead } | { readonly ok: false; readonly reason: string };

const DECIMAL = /^(0|[1-9][0-9]*)$/;
const TIMESTAMP_PREFIX = 'timestamp ';
const MAP_LINES = { streamHeads: 'mutasi/stream-heads ', agencyCases: 'mutasi/agency-cases ' } as const;
const MAX_SECONDS = 8.64e12;

/** Ed25519 note key id: the first 4 bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ key). */
async function keyIdOf(name: string, publicKey: Uint8Array): Promise<Uint8Array> {
  return (await sha256(utf8(name), Uint8Array.of(0x0a, 0x01), publicKey)).slice(0, 4);
}

/**
 * Parses a verifier key the inspector pinned. The base64 part may itself contain "+", so the text is split at its
 * first two plus signs only. Throws with the reason (in Indonesian) when it is not a well-formed Ed25519 key.
 */
export async function parseVerifierKey(text: string): Promise<VerifierKey> {
  const key = text.trim();
  if (key.startsWith('PRIVATE+KEY+'))
    throw new Error('ini kunci penanda tangan yang rahasia, bukan kunci verifikator: jangan tempel di sini, dan laporkan ke operator bahwa kunci itu bocor');
  const parts = splitKey(key);
  if (parts === null) throw new Error('kunci verifikator tidak berbentuk <nama>+<id>+<kunci>');
  const [name, idHex, encoded] = parts;
  if (!isKeyName(name)) throw new Error('nama kunci verifikator kosong atau memuat spasi');
  if (!/^[0-9a-fA-F]{8}$/.test(idHex)) throw new Error('id kunci verifikator bukan 8 digit heksadesimal');
  const bytes = tryFromBase64(encoded);
  if (bytes === undefined) throw new Error('bagian kunci dari kunci verifikator bukan base64 yang sah');
  if (bytes.length === 33 && bytes[0] === 0x04) throw new Error('ini kunci saksi (cosigner, tipe 0x04), bukan kunci log: tempel di kebijakan saksi');
  if (bytes.length !== 33 || bytes[0] !== 0x01) throw new Error('kunci verifikator bukan kunci Ed25519 (0x01 ‖ 32 bita)');
  const publicKey = bytes.slice(1);
  const keyId = await keyIdOf(name, publicKey);
  if (toHex(keyId) !== idHex.toLowerCase()) throw new Error('id kunci verifikator tidak cocok dengan kuncinya (salah salin?)');
  return { name, keyId, publicKey };
}

/** The fields of a checkpoint text: origin, size, root, exactly one `timestamp` line, at most one line per map. */
function parseCheckpointText(text: string): SignedHead {
  const [origin, size, root, ...extensions] = text.slice(0, -1).split('\n');
  if (!origin) throw new Error('baris origin checkpoint kosong');
  if (size === undefined || !DECIMAL.test(size) || !Number.isSafeInteger(Number(size))) throw new Error('baris kedua checkpoint bukan ukuran pohon desimal');
  const rootHash = tryFromBase64(root);
  if (rootHash === undefined || rootHash.length !== 32) throw new Error('baris ketiga checkpoint bukan hash akar 32 bita (base64)');
  if (extensions.some((line) => line === '')) throw new Error('checkpoint memuat baris ekstensi kosong');
  const stamps = extensions.filter((line) => line.startsWith(TIMESTAMP_PREFIX));
  if (stamps.length !== 1) throw new Error(`checkpoint harus memuat tepat satu baris "timestamp", ada ${stamps.length}`);
  const seconds = (stamps[0] as string).slice(TIMESTAMP_PREFIX.length);
  if (!DECIMAL.test(seconds) || Number(seconds) > MAX_SECONDS) throw new Error('waktu checkpoint bukan detik POSIX');
  const maps: { streamHeads?: MapRoot; agencyCases?: MapRoot } = {};
  for (const [field, prefix] of Object.entries(MAP_LINES) as [keyof typeof MAP_LINES, string][]) {
    const found = extensions.filter((line) => line.startsWith(prefix));
    if (found.length > 1) throw new Error(`checkpoint memuat lebih dari satu baris "${prefix.trim()}"`);
    if (found.length === 0) continue;
    const [count, mapRoot] = (found[0] as string).slice(prefix.length).split(' ');
    const rootBytes = tryFromBase64(mapRoot);
    if (count === undefined || !DECIMAL.test(count) || !Number.isSafeInteger(Number(count)) || rootBytes?.length !== 32)
      throw new Error(`baris "${prefix.trim()}" checkpoint tidak berbentuk "<jumlah> <akar base64>"`);
    maps[field] = { count: Number(count), root: rootBytes };
  }
  return { origin, treeSize: Number(size), rootHash, timestamp: new Date(Number(seconds) * 1000), ...maps, text };
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
      if (sameName)
        return {
          ok: false,
          reason: `ditandatangani oleh kunci lain bernama ${key.name} (id ${toHex(sameName.keyId)}), bukan oleh kunci yang Anda sematkan (id ${toHex(key.keyId)})`,
        };
      return { ok: false, reason: `tidak ada tanda tangan dari ${key.name}; hanya dari ${signatures.map((s) => s.name).join(', ')}` };
    }
    const cryptoKey = await importEd25519(key.publicKey);
    const message = utf8(text);
    for (const s of mine) {
      if (!(await ed25519Verifies(cryptoKey, s.signature, message)))
        return { ok: false, reason: `tanda tangan ${key.name} (id ${toHex(key.keyId)}) tidak sah: isi checkpoint diubah atau tanda tangannya rusak` };
    }
    return { ok: true, head: parseCheckpointText(text) };
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
}
