import { createHash } from 'node:crypto';
import { generateSignerKey } from '../note/keys';
import { signNote } from '../note/signed-note';
import { formatCheckpointText, parseCheckpoint, signCheckpoint, verifyCheckpoint } from './checkpoint';

// A refused checkpoint must say exactly why: each test pins the whole reason.
const SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const ROOT = createHash('sha256').update('root').digest();
const R64 = ROOT.toString('base64');
const MAP = { count: 3, root: Buffer.alloc(32, 1) };
const M64 = MAP.root.toString('base64');
const HEAD = { origin: 'mutasi.example/ledger', treeSize: 42, rootHash: ROOT, timestamp: new Date('2025-03-01T10:00:00.789Z') };
const reasonFor = (text: string): string => {
  const check = verifyCheckpoint(signNote(text, SKEY), VKEY);
  return check.ok ? 'verified' : check.reason;
};

describe('Checkpoint text: the maps and the refusals', () => {
  it('writes and reads back the stream-heads and agency-cases map lines', () => {
    const text = formatCheckpointText({ ...HEAD, streamHeads: MAP, agencyCases: { count: 0, root: Buffer.alloc(32, 2) } });
    expect(text).toBe(`mutasi.example/ledger\n42\n${R64}\ntimestamp 1740823200\nmutasi/stream-heads 3 ${M64}\nmutasi/agency-cases 0 ${Buffer.alloc(32, 2).toString('base64')}\n`);
    const parsed = parseCheckpoint(signNote(text, SKEY));
    expect(parsed).toMatchObject({ streamHeads: { count: 3, root: MAP.root }, agencyCases: { count: 0, root: Buffer.alloc(32, 2) }, extensions: [] });
    expect(parseCheckpoint(signCheckpoint(SKEY, HEAD))).not.toHaveProperty('streamHeads');
  });

  it('refuses each malformed line with its own reason', () => {
    const base = `mutasi.example/ledger\n42\n${R64}\n`;
    const bad = (why: string): string => `malformed checkpoint: ${why}`;
    expect(reasonFor(`\n42\n${R64}\ntimestamp 1\n`)).toBe(bad('the origin line is empty'));
    expect(reasonFor(`mutasi.example/ledger\n\n${R64}\ntimestamp 1\n`)).toBe(bad('the second line is not a tree size in decimal without leading zeros'));
    expect(reasonFor(`mutasi.example/ledger\n99999999999999999999\n${R64}\ntimestamp 1\n`)).toBe(bad('the second line is not a tree size in decimal without leading zeros'));
    expect(reasonFor(`mutasi.example/ledger\n42\n${ROOT.subarray(1).toString('base64')}\ntimestamp 1\n`)).toBe(bad('the third line is not the base64 of a 32-byte root hash'));
    expect(reasonFor(`${base}timestamp 1\n\n`)).toBe(bad('extension lines must not be empty'));
    expect(reasonFor(`${base}note\n`)).toBe(bad('expected exactly one "timestamp <seconds>" line, found 0'));
    expect(reasonFor(`${base}timestamp 1\ntimestamp 1\n`)).toBe(bad('expected exactly one "timestamp <seconds>" line, found 2'));
    expect(reasonFor(`${base}timestamp 8640000000001\n`)).toBe(bad('the timestamp is not POSIX seconds in decimal without leading zeros'));
    expect(reasonFor(`${base}timestamp 8640000000000\n`)).toBe('verified');
    expect(reasonFor(`${base}timestamp 1\nmutasi/stream-heads 3 ${M64}\nmutasi/stream-heads 3 ${M64}\n`)).toBe(bad('more than one "mutasi/stream-heads" line'));
    expect(reasonFor(`${base}timestamp 1\nmutasi/agency-cases 03 ${M64}\n`)).toBe(bad('the "mutasi/agency-cases" line is not "<count> <base64 root>"'));
    expect(reasonFor(`${base}timestamp 1\nmutasi/agency-cases 3\n`)).toBe(bad('the "mutasi/agency-cases" line is not "<count> <base64 root>"'));
    expect(reasonFor(`${base}timestamp 1\nmutasi/stream-heads 3 ${R64.slice(4)}\n`)).toBe(bad('the "mutasi/stream-heads" line is not "<count> <base64 root>"'));
    expect(reasonFor(`${base}timestamp 1\nmutasi/stream-heads 3 ${M64}\nkept\n`)).toBe('verified');
  });

  it('names the key when the signature is missing, another key of the same name signed, or the text was changed', () => {
    const signed = signCheckpoint(SKEY, HEAD);
    expect(verifyCheckpoint(signed.replace('\n42\n', '\n41\n'), VKEY)).toEqual({
      ok: false,
      reason: 'the signature by PeterNeumann (key c74f20a3) does not verify: the text was changed or the signature damaged',
    });
    const impostor = signCheckpoint(generateSignerKey('PeterNeumann'), HEAD);
    expect(verifyCheckpoint(impostor, VKEY)).toEqual({
      ok: false,
      reason: expect.stringMatching(/^signed by another key named PeterNeumann \(key [0-9a-f]{8}\), not by the trusted key c74f20a3$/),
    });
    const byOther = signCheckpoint(generateSignerKey('witness.example'), HEAD);
    expect(verifyCheckpoint(byOther, VKEY)).toEqual({ ok: false, reason: 'no signature by PeterNeumann; signed only by witness.example' });
  });

  it('refuses to write an impossible head, saying which field', () => {
    const reason = (fields: Parameters<typeof formatCheckpointText>[0]): string => {
      try {
        formatCheckpointText(fields);
        return 'written';
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      }
    };
    expect(reason({ ...HEAD, origin: 'a\u0007b' })).toBe('cannot make a checkpoint: origin must be a non-empty single line without control characters');
    expect(reason({ ...HEAD, treeSize: -1 })).toBe('cannot make a checkpoint: tree size must be a non-negative integer');
    expect(reason({ ...HEAD, rootHash: Buffer.alloc(33) })).toBe('cannot make a checkpoint: root hash must be 32 bytes');
    expect(reason({ ...HEAD, timestamp: new Date(-1) })).toBe('cannot make a checkpoint: timestamp must be a valid date after 1970');
    expect(reason({ ...HEAD, timestamp: new Date(0) })).toBe('written');
    expect(reason({ ...HEAD, agencyCases: { count: -1, root: MAP.root } })).toBe('cannot make a checkpoint: agencyCases must be a count and a 32-byte root');
    expect(reason({ ...HEAD, streamHeads: { count: 1, root: Buffer.alloc(31) } })).toBe('cannot make a checkpoint: streamHeads must be a count and a 32-byte root');
  });
});
