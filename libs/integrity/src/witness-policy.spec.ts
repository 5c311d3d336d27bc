import { createHash } from 'node:crypto';
import { signCheckpoint } from './checkpoint/checkpoint';
import { cosignatureLine, cosignerVerifierKey, generateCosignerKey } from './note/cosignature';
import { generateSignerKey, verifierKeyFromSignerKey } from './note/keys';
import { parseSignedNote } from './note/signed-note';
import { checkWitnessPolicy, parseWitnessPolicy } from './witness-policy';
import { codeOf } from '../test/error-code';

// Keys and notes are made per test (beforeEach runs inside each test): made while the file loads, every line of the
// signing code they run would be a "static" mutant, rerun with every test of the suite.
let LOG_KEY: string;
let CHECKPOINT: string;
let TEXT: string;
let INSPEKTORAT: string;
let BKN: string;
let OMBUDSMAN: string;
let VKEYS: string[];
beforeEach(() => {
  LOG_KEY = generateSignerKey('mutasi.example/ledger');
  CHECKPOINT = signCheckpoint(LOG_KEY, {
    origin: 'mutasi.example/ledger',
    treeSize: 7,
    rootHash: createHash('sha256').update('r').digest(),
    timestamp: new Date('2025-03-01T10:00:00Z'),
  });
  TEXT = parseSignedNote(CHECKPOINT).text;
  [INSPEKTORAT, BKN, OMBUDSMAN] = ['witness.inspektorat.example', 'witness.bkn.example', 'witness.ombudsman.example'].map((name) => generateCosignerKey(name)) as [
    string,
    string,
    string,
  ];
  VKEYS = [INSPEKTORAT, BKN, OMBUDSMAN].map(cosignerVerifierKey);
});
const AT = new Date('2025-03-01T10:01:00Z');
const cosign = (key: string, at = AT): string => cosignatureLine(key, TEXT, at);

describe('Witness policy: k of n witnesses must have cosigned', () => {
  let policy: { threshold: number; witnesses: string[] };
  beforeEach(() => {
    policy = { threshold: 2, witnesses: VKEYS };
  });

  it('is met when two of three witnesses cosigned', () => {
    const check = checkWitnessPolicy(`${CHECKPOINT}${cosign(INSPEKTORAT)}${cosign(OMBUDSMAN)}`, policy);
    expect(check).toEqual({
      ok: true,
      cosigned: [
        { name: 'witness.inspektorat.example', time: AT },
        { name: 'witness.ombudsman.example', time: AT },
      ],
      missing: ['witness.bkn.example'],
      reason: null,
    });
  });

  it('is not met with one cosignature, and says which witnesses are missing', () => {
    const check = checkWitnessPolicy(`${CHECKPOINT}${cosign(BKN)}`, policy);
    expect(check).toEqual({
      ok: false,
      cosigned: [{ name: 'witness.bkn.example', time: AT }],
      missing: ['witness.inspektorat.example', 'witness.ombudsman.example'],
      reason: expect.stringMatching(/^1 of the 2 cosignatures/),
    });
  });

  it('counts a witness once however many lines it signed (the latest time)', () => {
    const later = new Date('2025-03-01T10:05:00Z');
    const check = checkWitnessPolicy(`${CHECKPOINT}${cosign(BKN)}${cosign(BKN, later)}${cosign(BKN)}`, policy);
    expect(check.ok).toBe(false);
    expect(check.cosigned).toEqual([{ name: 'witness.bkn.example', time: later }]);
    expect(checkWitnessPolicy(`${CHECKPOINT}${cosign(BKN)}`, { threshold: 2, witnesses: [VKEYS[1] as string, VKEYS[1] as string] }).ok).toBe(false);
  });

  it('does not count a cosignature by a key outside the policy, nor one of another checkpoint', () => {
    const stranger = generateCosignerKey('witness.inspektorat.example');
    const otherText = TEXT.replace('\n7\n', '\n8\n');
    const moved = `${CHECKPOINT}${cosign(stranger)}${cosignatureLine(BKN, otherText, AT)}${cosign(OMBUDSMAN)}`;
    const check = checkWitnessPolicy(moved, policy);
    expect(check.ok).toBe(false);
    expect(check.cosigned.map((c) => c.name)).toEqual(['witness.ombudsman.example']);
    expect(check.reason).toMatch(/another key named witness\.inspektorat\.example.*does not verify/);
  });

  it('refuses an unusable policy with a reason, never an exception', () => {
    expect(checkWitnessPolicy(CHECKPOINT, { threshold: 0, witnesses: VKEYS }).reason).toMatch(/at least 1/);
    expect(checkWitnessPolicy(CHECKPOINT, { threshold: 1, witnesses: ['nonsense'] }).reason).toMatch(/witness key 1 is unusable/);
    expect(checkWitnessPolicy(`${CHECKPOINT}${cosign(BKN)}`, { threshold: 4, witnesses: VKEYS })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/names only 3 witnesses/),
    });
  });
});

describe('Witness policy syntax: "<k> of <witness vkey>, …"', () => {
  it('reads keys separated by commas, spaces or newlines, with # comments', () => {
    const text = `# who may vouch for the Mutasi ledger\n2 of\n  ${VKEYS[0]}, # Inspektorat\n  ${VKEYS[1]}   # BKN\n${VKEYS[2]}\n`;
    expect(parseWitnessPolicy(text)).toEqual({ threshold: 2, witnesses: VKEYS });
    expect(parseWitnessPolicy(`1 of ${VKEYS[0]},${VKEYS[1]}`)).toEqual({ threshold: 1, witnesses: VKEYS.slice(0, 2) });
  });

  it('refuses a missing "of", a bad k, no keys, a k above n', () => {
    expect(() => parseWitnessPolicy(VKEYS.join(','))).toThrow(/expected "<k> of <witness key>/);
    expect(() => parseWitnessPolicy(`02 of ${VKEYS[0]}`)).toThrow(/expected "<k> of/);
    expect(() => parseWitnessPolicy('2 of')).toThrow(/no witness keys/);
    expect(() => parseWitnessPolicy(`0 of ${VKEYS[0]}`)).toThrow(/k must be from 1 to 1/);
    expect(() => parseWitnessPolicy(`4 of ${VKEYS.join(' ')}`)).toThrow(/k must be from 1 to 3/);
  });

  it('refuses a bad key, a log key and a witness listed twice, naming the key', () => {
    expect(() => parseWitnessPolicy(`1 of ${VKEYS[0]}, nonsense`)).toThrow(/witness key 2: invalid cosigner verifier key/);
    expect(() => parseWitnessPolicy(`1 of ${verifierKeyFromSignerKey(LOG_KEY)}`)).toThrow(/type 0x01/);
    expect(() => parseWitnessPolicy(`1 of ${VKEYS[0]} ${cosignerVerifierKey(generateCosignerKey('witness.inspektorat.example'))}`)).toThrow(
      /witness\.inspektorat\.example is listed twice/,
    );
    expect(codeOf(() => parseWitnessPolicy('x'))).toBe('INVALID_VERIFIER_KEY');
  });
});
