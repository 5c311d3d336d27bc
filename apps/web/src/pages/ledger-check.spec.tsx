import { describe, expect, it } from '@jest/globals';
import { render } from '@testing-library/react';
import { BUNDLE_SCOPES, KEY_SOURCES, VERIFY_FAILURES, VERIFY_OUTCOMES } from '../i18n/labels';
import { FAILURE_CODES, type BundleVerification } from '../verify/verify-case';
import { LedgerCheckResult, missingText, type CheckedFrom } from './ledger-check-result';

const base: BundleVerification = {
  ok: true,
  outcome: 'VERIFIED',
  unusable: null,
  checkedEvents: 10,
  checkedStreams: 1,
  treeSize: 16,
  signedAt: '2026-03-02T03:04:05.000Z',
  keyName: 'mutasi.bkn.go.id/ledger',
  scope: { kind: 'case', caseId: 'c-1', streamId: 'transfer-c-1' },
  checkpoint: 'cp',
  witnessPolicy: null,
  cosignedBy: [],
  heldSize: null,
  missing: [],
  failures: [],
};
const from: CheckedFrom = { bundle: { kind: 'EXPORT', caseId: 'c-1' }, keySource: 'PINNED' };
const shown = (r: BundleVerification, f = from): string => render(<LedgerCheckResult result={r} from={f} />).container.textContent ?? '';

describe('the ledger check’s verdict on the page', () => {
  it('labels every code it can show: verdicts, failure codes, scopes, key sources', () => {
    expect(['VERIFIED', 'FAILED', 'INCOMPLETE'].filter((c) => !VERIFY_OUTCOMES[c])).toEqual([]);
    expect([...FAILURE_CODES, 'NOT_A_BUNDLE'].filter((c) => !VERIFY_FAILURES[c])).toEqual([]);
    expect(['case', 'agency'].filter((c) => !BUNDLE_SCOPES[c])).toEqual([]);
    expect(['PINNED', 'OPERATOR'].filter((c) => !KEY_SOURCES[c])).toEqual([]);
  });

  it('Terverifikasi: what was checked, under which signed head, and that no witness policy was asked', () => {
    const text = shown(base);
    expect(text).toMatch(/^Terverifikasi VERIFIED/);
    expect(text).toContain('10 peristiwa dalam 1 aliran utuh dan lengkap, termuat dalam pohon berukuran 16 yang ditandatangani mutasi.bkn.go.id/ledger');
    expect(text).toContain('Cakupan: kasus c-1 (Satu kasus case)');
    expect(text).toContain('tanpa kebijakan saksi');
  });

  it('Disaksikan oleh: the witnesses that cosigned, under the policy asked', () => {
    const text = shown({
      ...base,
      witnessPolicy: { threshold: 2, witnesses: 2 },
      cosignedBy: [
        { name: 'saksi-a', time: '2026-03-02T03:04:06.000Z' },
        { name: 'saksi-b', time: '2026-03-02T03:04:07.000Z' },
      ],
    });
    expect(text).toMatch(/Disaksikan oleh saksi-a \(.+\), saksi-b \(.+\) — kebijakan Anda meminta 2 dari 2 saksi/);
  });

  it('Tidak lengkap: the missing revisions per stream, and each failure with its label and code', () => {
    const text = shown(
      {
        ...base,
        ok: false,
        outcome: 'INCOMPLETE',
        missing: [
          { streamId: 'transfer-c-1', from: 4, to: 5 },
          { streamId: 'transfer-c-2', from: 0, to: null },
        ],
        failures: [{ place: 'aliran transfer-c-1', code: 'REVISIONS_MISSING', eventId: null, reason: 'revisi 4–5 hilang: …' }],
      },
      { bundle: { kind: 'FILE', name: 'potong.jsonl' }, keySource: 'OPERATOR' },
    );
    expect(text).toMatch(/^Tidak lengkap INCOMPLETE/);
    expect(text).toContain('transfer-c-1: revisi 4–5 hilang');
    expect(text).toContain('transfer-c-2: seluruh aliran tidak ada dalam bundel');
    expect(text).toContain('Revisi hilang REVISIONS_MISSING · aliran transfer-c-1: revisi 4–5 hilang');
    expect(text).toContain('berkas potong.jsonl');
    expect(text).toContain('Klaim operator');
    expect(missingText({ streamId: 's', from: 5, to: 5 })).toBe('revisi 5 hilang');
  });

  it('Gagal verifikasi: an input that is no bundle says so', () => {
    const text = shown({ ...base, ok: false, outcome: 'FAILED', unusable: 'baris 1 bukan JSON', treeSize: null, signedAt: null, scope: null });
    expect(text).toMatch(/^Gagal verifikasi FAILED/);
    expect(text).toContain('Bukan bundel audit v2 NOT_A_BUNDLE: berkas tidak dapat diperiksa — baris 1 bukan JSON');
  });
});
