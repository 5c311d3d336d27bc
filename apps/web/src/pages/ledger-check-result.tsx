import type { CSSProperties } from 'react';
import { CodeLabel } from '../components/code-label';
import { formatInstant, formatNumber } from '../i18n/format';
import { BUNDLE_SCOPES, KEY_SOURCES, label, VERIFY_FAILURES, VERIFY_OUTCOMES } from '../i18n/labels';
import type { BundleVerification, MissingRevisions, Outcome } from '../verify/verify-case';

/** Where the checked bundle came from, and where the key it was checked with came from. */
export interface CheckedFrom {
  readonly bundle: { readonly kind: 'EXPORT'; readonly caseId: string } | { readonly kind: 'FILE'; readonly name: string };
  readonly keySource: 'PINNED' | 'OPERATOR';
}

const MAX_SHOWN = 20;

const BOX: CSSProperties = { borderRadius: 'var(--radius)', padding: '0.6rem 0.8rem', margin: '0.5rem 0', color: 'var(--text)' };
const TONE: Record<Outcome, { box: CSSProperties; head: CSSProperties; tone: 'ok' | 'warn' | 'bad' }> = {
  VERIFIED: { box: { ...BOX, background: 'var(--ok-bg)', border: '1px solid var(--ok)' }, head: { color: 'var(--ok)' }, tone: 'ok' },
  INCOMPLETE: { box: { ...BOX, background: 'var(--warn-bg)', border: '1px solid var(--warn)' }, head: { color: 'var(--warn)' }, tone: 'warn' },
  FAILED: { box: { ...BOX, background: 'var(--bad-bg)', border: '1px solid var(--bad)' }, head: { color: 'var(--bad)' }, tone: 'bad' },
};

/** "revisi 4–5 hilang", "revisi 5 hilang", or the whole stream. */
export function missingText(m: MissingRevisions): string {
  if (m.to === null) return 'seluruh aliran tidak ada dalam bundel';
  return m.from === m.to ? `revisi ${m.from} hilang` : `revisi ${m.from}–${m.to} hilang`;
}

function scopeText(r: BundleVerification): string {
  if (r.scope === null) return '—';
  return r.scope.kind === 'case' ? `kasus ${r.scope.caseId}` : `semua kasus instansi ${r.scope.agencyId}`;
}

function Witnesses({ r }: { r: BundleVerification }) {
  if (r.witnessPolicy === null)
    return (
      <li>
        Saksi: <strong>tanpa kebijakan saksi</strong>; kesaksian atas checkpoint tidak diperiksa.
      </li>
    );
  const asked = `kebijakan Anda meminta ${r.witnessPolicy.threshold} dari ${r.witnessPolicy.witnesses} saksi`;
  if (r.cosignedBy.length === 0) return <li>Saksi: tidak ada saksi dalam kebijakan Anda yang menyaksikan checkpoint ini ({asked}).</li>;
  return (
    <li>
      Disaksikan oleh{' '}
      {r.cosignedBy.map((c, i) => (
        <span key={c.name}>
          {i > 0 ? ', ' : ''}
          <strong>{c.name}</strong> ({formatInstant(c.time)})
        </span>
      ))}{' '}
      — {asked}.
    </li>
  );
}

/** The verdict of the ledger check in Indonesian: Terverifikasi, Gagal verifikasi or Tidak lengkap, and why. */
export function LedgerCheckResult({ result: r, from }: { result: BundleVerification; from: CheckedFrom }) {
  const tone = TONE[r.outcome];
  const source = from.bundle.kind === 'EXPORT' ? `ekspor server untuk kasus ${from.bundle.caseId}` : `berkas ${from.bundle.name}`;
  return (
    <div className="ledger-result" style={tone.box}>
      <p style={{ margin: '0 0 0.35rem', fontSize: '1.1rem' }}>
        <strong style={tone.head}>{label(VERIFY_OUTCOMES, r.outcome)}</strong> <code>{r.outcome}</code>
      </p>
      {r.outcome === 'VERIFIED' ? (
        <p style={{ margin: '0.2rem 0' }}>
          {formatNumber(r.checkedEvents)} peristiwa dalam {formatNumber(r.checkedStreams)} aliran utuh dan lengkap, termuat dalam pohon berukuran {formatNumber(r.treeSize)} yang
          ditandatangani <strong>{r.keyName}</strong> pada {formatInstant(r.signedAt)}.
        </p>
      ) : null}
      {r.outcome === 'INCOMPLETE' ? (
        <p style={{ margin: '0.2rem 0' }}>Yang ada di bundel ini utuh, tetapi bundel tidak memuat semua yang dibuktikan checkpoint: ada yang dihilangkan atau terpotong.</p>
      ) : null}
      <ul style={{ margin: '0.25rem 0', paddingLeft: '1.2rem' }}>
        <li>
          Bundel: {source}. Cakupan: {scopeText(r)}
          {r.scope ? (
            <>
              {' '}
              (<CodeLabel table={BUNDLE_SCOPES} code={r.scope.kind} />)
            </>
          ) : null}
          .
        </li>
        <li>
          Kunci: <strong>{r.keyName ?? '—'}</strong> · <CodeLabel table={KEY_SOURCES} code={from.keySource} />
          {from.keySource === 'OPERATOR' ? ' — belum Anda cocokkan dengan kunci yang Anda terima sendiri.' : null}
        </li>
        {r.treeSize !== null && r.outcome !== 'VERIFIED' ? (
          <li>
            Checkpoint berukuran {formatNumber(r.treeSize)} ditandatangani {r.keyName} pada {formatInstant(r.signedAt)}; {formatNumber(r.checkedEvents)} peristiwa diperiksa.
          </li>
        ) : null}
        <Witnesses r={r} />
        {r.heldSize !== null ? <li>Melanjutkan checkpoint yang Anda simpan (ukuran {formatNumber(r.heldSize)}): riwayatnya tidak diubah sejak itu.</li> : null}
      </ul>
      {r.unusable !== null ? (
        <p style={{ margin: '0.35rem 0' }}>
          <CodeLabel table={VERIFY_FAILURES} code="NOT_A_BUNDLE" tone="bad" />: berkas tidak dapat diperiksa — {r.unusable}.
        </p>
      ) : null}
      {r.missing.length > 0 ? (
        <>
          <h3 style={{ fontSize: '1rem', margin: '0.5rem 0 0.2rem' }}>Yang hilang dari bundel</h3>
          <ul style={{ margin: 0, paddingLeft: '1.2rem' }}>
            {r.missing.map((m) => (
              <li key={m.streamId}>
                <code>{m.streamId}</code>: {missingText(m)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {r.failures.length > 0 ? (
        <>
          <h3 style={{ fontSize: '1rem', margin: '0.5rem 0 0.2rem' }}>{formatNumber(r.failures.length)} masalah, menurut urutan pemeriksaan</h3>
          <ul style={{ margin: 0, paddingLeft: '1.2rem' }}>
            {r.failures.slice(0, MAX_SHOWN).map((f, i) => (
              <li key={i}>
                <CodeLabel table={VERIFY_FAILURES} code={f.code} tone={tone.tone} /> · <strong>{f.place}</strong>: {f.reason}
              </li>
            ))}
          </ul>
          {r.failures.length > MAX_SHOWN ? (
            <p>
              … dan {formatNumber(r.failures.length - MAX_SHOWN)} masalah lain (periksa bundelnya dengan <code>npx mutasi verify</code> untuk daftar lengkap).
            </p>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
