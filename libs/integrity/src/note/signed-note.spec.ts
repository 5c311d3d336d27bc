import fc from 'fast-check';
import { ed25519KeyId, generateSignerKey, parseSignerKey, parseVerifierKey, verifierKeyFromSignerKey } from './keys';
import { openNote, parseSignedNote, signNote } from './signed-note';
import { codeOf } from '../../test/error-code';

// Known answers from the documentation and tests of Go's golang.org/x/mod/sumdb/note, the reference
// implementation of c2sp.org/signed-note.
const PETER_SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const PETER_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const ENOCH_VKEY = 'EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop';
const TEXT = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n";
const PETER_SIG = '\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';
const ENOCH_SIG = '\u2014 EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n';
const SIGNED = `${TEXT}\n${PETER_SIG}`;

describe('Signed-note keys (Go sumdb/note known answers)', () => {
  it('derives the published verifier key and key ID from the published signer key', () => {
    expect(verifierKeyFromSignerKey(PETER_SKEY)).toBe(PETER_VKEY);
    const key = parseVerifierKey(PETER_VKEY);
    expect(ed25519KeyId('PeterNeumann', key.publicKey).toString('hex')).toBe('c74f20a3');
  });

  it('refuses every truncation and every single-character change of a verifier key', () => {
    for (let i = 0; i < PETER_VKEY.length; i += 1) {
      for (let j = i + 1; j <= PETER_VKEY.length; j += 1) {
        if (i !== 0 || j !== PETER_VKEY.length) expect(codeOf(() => parseVerifierKey(PETER_VKEY.slice(i, j)))).toBe('INVALID_VERIFIER_KEY');
      }
      const changed = PETER_VKEY.slice(0, i) + String.fromCharCode(PETER_VKEY.charCodeAt(i) + 1) + PETER_VKEY.slice(i + 1);
      expect(codeOf(() => parseVerifierKey(changed))).toBe('INVALID_VERIFIER_KEY');
    }
  });

  it('refuses every truncation and every single-character change of a signer key', () => {
    for (let i = 0; i < PETER_SKEY.length; i += 1) {
      expect(codeOf(() => parseSignerKey(PETER_SKEY.slice(0, i)))).toBe('INVALID_SIGNER_KEY');
      expect(codeOf(() => parseSignerKey(PETER_SKEY.slice(i + 1)))).toBe('INVALID_SIGNER_KEY');
      const changed = PETER_SKEY.slice(0, i) + String.fromCharCode(PETER_SKEY.charCodeAt(i) + 1) + PETER_SKEY.slice(i + 1);
      expect(codeOf(() => parseSignerKey(changed))).toBe('INVALID_SIGNER_KEY');
    }
  });

  it('never quotes a signer key in its error messages', () => {
    const broken = PETER_SKEY.replace('c74f20a3', 'c74f20a4');
    expect(() => parseSignerKey(broken)).toThrow(/key ID does not match/);
    expect(() => parseSignerKey(broken)).not.toThrow(/AYEKFALV/);
  });

  it('generates keys whose verifier key checks their signatures', () => {
    const skey = generateSignerKey('mutasi.example/ledger');
    expect(skey).toMatch(/^PRIVATE\+KEY\+mutasi\.example\/ledger\+[0-9a-f]{8}\+[A-Za-z0-9+/]{44}$/);
    expect(openNote(signNote('halo\n', skey), verifierKeyFromSignerKey(skey)).ok).toBe(true);
    expect(generateSignerKey('mutasi.example/ledger')).not.toBe(skey);
  });

  it('refuses key names with spaces or plus signs', () => {
    expect(codeOf(() => generateSignerKey('bad name'))).toBe('INVALID_KEY_NAME');
    expect(codeOf(() => generateSignerKey('a+b'))).toBe('INVALID_KEY_NAME');
    expect(codeOf(() => generateSignerKey(''))).toBe('INVALID_KEY_NAME');
  });
});

describe('Signed notes (c2sp.org/signed-note)', () => {
  it('signs byte for byte as Go sumdb/note does', () => {
    expect(signNote(TEXT, PETER_SKEY)).toBe(SIGNED);
  });

  it('opens the published note and the doubly-signed one with either key', () => {
    expect(openNote(SIGNED, PETER_VKEY)).toEqual({ ok: true, note: parseSignedNote(SIGNED) });
    const both = `${TEXT}\n${PETER_SIG}${ENOCH_SIG}`;
    expect(openNote(both, PETER_VKEY).ok).toBe(true);
    expect(openNote(both, ENOCH_VKEY).ok).toBe(true);
    expect(parseSignedNote(both).signatures.map((s) => `${s.name}+${s.keyId.toString('hex')}`)).toEqual(['PeterNeumann+c74f20a3', 'EnochRoot+af0cfe78']);
  });

  it('refuses an edited text', () => {
    const check = openNote(SIGNED.replace('problem,', 'problem;'), PETER_VKEY);
    expect(check).toEqual({ ok: false, reason: expect.stringMatching(/signature by PeterNeumann .* does not verify/) });
  });

  it('refuses a note signed by a different key with the same name', () => {
    const impostor = generateSignerKey('PeterNeumann');
    expect(openNote(signNote(TEXT, impostor), PETER_VKEY)).toEqual({ ok: false, reason: expect.stringMatching(/another key named PeterNeumann/) });
  });

  it('refuses a note without a signature by the trusted key', () => {
    expect(openNote(`${TEXT}\n${ENOCH_SIG}`, PETER_VKEY)).toEqual({ ok: false, reason: expect.stringMatching(/no signature by PeterNeumann/) });
  });

  it('refuses a truncated signature', () => {
    const bytes = Buffer.from(PETER_SIG.trim().split(' ')[2] as string, 'base64');
    const short = `${TEXT}\n\u2014 PeterNeumann ${bytes.subarray(0, bytes.length - 1).toString('base64')}\n`;
    expect(openNote(short, PETER_VKEY).ok).toBe(false);
    expect(openNote(SIGNED.replace('JnAM=', 'JnA'), PETER_VKEY).ok).toBe(false);
  });

  it('refuses malformed notes: no blank line, CRLF, a hyphen for the dash, a missing final newline', () => {
    for (const note of [SIGNED.replace(`\n\n${'\u2014'}`, `\n${'\u2014'}`), SIGNED.replace(/\n/g, '\r\n'), SIGNED.replace('\u2014', '-'), SIGNED.slice(0, -1)]) {
      expect(codeOf(() => parseSignedNote(note))).toBe('MALFORMED_NOTE');
      expect(openNote(note, PETER_VKEY).ok).toBe(false);
    }
  });

  it('refuses to sign a text without a final newline', () => {
    expect(codeOf(() => signNote('no newline', PETER_SKEY))).toBe('MALFORMED_NOTE');
  });

  it('never throws and never accepts when any character of the text is changed', () => {
    fc.assert(
      fc.property(fc.nat({ max: TEXT.length - 1 }), fc.integer({ min: 1, max: 0xffff }), (at, delta) => {
        const code = (TEXT.charCodeAt(at) + delta) % 0x10000;
        const note = `${TEXT.slice(0, at)}${String.fromCharCode(code)}${TEXT.slice(at + 1)}\n${PETER_SIG}`;
        expect(openNote(note, PETER_VKEY).ok).toBe(false);
      }),
    );
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.anything()), fc.oneof(fc.string(), fc.anything()), (note, key) => {
        expect(openNote(note, key as string).ok).toBe(false);
      }),
    );
  });
});
