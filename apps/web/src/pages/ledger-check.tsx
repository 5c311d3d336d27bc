import { useState } from 'react';
import { get, query } from '../api/http';
import { formatInstant } from '../i18n/format';
import { AuditBundle, CaseVerification, verifyCaseBundle } from '../verify/verify-case';

const PIN_KEY = 'mutasi.pinned-verifier-key';

/**
 * Verifikasi catatan: fetches the case's bundle and checks it in this browser (WebCrypto Ed25519 and SHA-256) against
 * the verifier key the inspector pinned, obtained out of band. "Terverifikasi" appears only when every check holds.
 */
export function LedgerCheck({ caseId }: { caseId: string }) {
  const [pinned, setPinned] = useState(() => localStorage.getItem(PIN_KEY) ?? '');
  const [result, setResult] = useState<CaseVerification | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function check() {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      if (pinned.trim() === '') throw new Error('sematkan dulu kunci verifikator yang Anda terima dari operator (di luar aplikasi ini)');
      localStorage.setItem(PIN_KEY, pinned.trim());
      const bundle = await get<AuditBundle>(`/api/audit/export${query({ caseId })}`);
      setResult(await verifyCaseBundle(bundle, pinned.trim(), { caseId }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="ledger-check">
      <div className="field">
        <label htmlFor="pinned-key">Kunci verifikator yang disematkan</label>
        <input id="pinned-key" aria-describedby="pinned-key-hint" spellCheck={false} autoComplete="off" value={pinned} onChange={(e) => { setPinned(e.target.value); setResult(null); }} placeholder="nama+id+kunci" />
        <small id="pinned-key-hint">Tempel kunci dari operator yang Anda terima di luar aplikasi; kunci di dalam bundel tidak dipercaya.</small>
      </div>
      <button type="button" className="btn btn-primary" disabled={busy} onClick={check}>Verifikasi catatan</button>
      <div role="status" aria-live="polite">
        {busy ? <p>Memeriksa di peramban…</p> : null}
        {error ? <p className="problem">Tidak dapat memeriksa: {error}</p> : null}
        {result?.ok ? <p className="verified">Terverifikasi: {result.checkedEvents} peristiwa kasus ini utuh dan termuat dalam pohon berukuran {result.treeSize} yang ditandatangani {result.keyName} pada {formatInstant(result.signedAt)}.</p> : null}
        {result && !result.ok ? (
          <div className="problem">
            <p><strong>Gagal verifikasi</strong>: {result.failures.length} masalah pada {result.checkedEvents} peristiwa.</p>
            <ul>{result.failures.slice(0, 20).map((f, i) => <li key={i}><strong>{f.place}</strong>: {f.reason}</li>)}</ul>
            {result.failures.length > 20 ? <p>… dan {result.failures.length - 20} masalah lain (ekspor bundel dan periksa dengan <code>npx mutasi verify</code> untuk daftar lengkap).</p> : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}
