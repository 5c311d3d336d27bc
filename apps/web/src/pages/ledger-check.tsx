import { useQuery } from '@tanstack/react-query';
import { ChangeEvent, useEffect, useState } from 'react';
import { ApiProblem, get } from '../api/http';
import { ProblemView } from '../components/problem-view';
import { formatInstant, formatNumber } from '../i18n/format';
import { readLines } from '../verify/read-lines';
import { linesOf, parseWitnessPolicy, verifyBundleLines, type BundleVerification } from '../verify/verify-case';
import { downloadCaseExport, fetchCaseExport, PIN_KEY, POLICY_KEY, readHeld, remember, writeHeld, type HeldCheckpoint } from './ledger-check-io';
import { LedgerCheckResult, type CheckedFrom } from './ledger-check-result';

/**
 * Verifikasi catatan: checks a case's audit bundle (mutasi-audit-bundle/v2) in this browser, with WebCrypto only,
 * against the verifier key the inspector pinned — never the one the bundle or the server brings along. The bundle is
 * the case's export fetched here, or a file the inspector uploads; a witness policy, when given, must be met by the
 * checkpoint's cosignatures; a checkpoint that verified before is kept, and every later bundle must extend it.
 * "Terverifikasi" appears only when every check holds; "Tidak lengkap" when the bundle only lacks what the
 * checkpoint proves exists; "Gagal verifikasi" otherwise.
 */
export function LedgerCheck({ caseId }: { caseId: string }) {
  const [pinned, setPinned] = useState(() => localStorage.getItem(PIN_KEY) ?? '');
  const [keySource, setKeySource] = useState<CheckedFrom['keySource']>('PINNED');
  const [policyText, setPolicyText] = useState(() => localStorage.getItem(POLICY_KEY) ?? '');
  const [held, setHeld] = useState<HeldCheckpoint | null>(readHeld);
  const [result, setResult] = useState<{ verification: BundleVerification; from: CheckedFrom } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const announced = useQuery({ queryKey: ['ledger', 'public-key'], queryFn: () => get<{ verifierKey: string; origin: string }>('/api/ledger/public-key'), staleTime: 60_000 });
  const operatorKey = announced.data?.verifierKey ?? null;

  // Nothing pinned yet: offer the operator's announced key, marked as the operator's claim until the inspector pastes their own.
  useEffect(() => {
    if (operatorKey !== null && pinned.trim() === '') {
      setPinned(operatorKey);
      setKeySource('OPERATOR');
    }
    // Only when the announcement arrives: clearing the field later must not refill it.
  }, [operatorKey]);

  const key = pinned.trim();
  const heldHere = held !== null && held.verifierKey === key ? held : null;

  async function check(bundle: CheckedFrom['bundle'], open: () => Promise<Iterable<string> | AsyncIterable<string>>) {
    setBusy(bundle.kind === 'EXPORT' ? 'Mengambil ekspor kasus dan memeriksanya di peramban…' : `Memeriksa ${bundle.name} di peramban…`);
    setError(null);
    setResult(null);
    try {
      if (key === '') throw new Error('sematkan dulu kunci verifikator yang Anda terima dari operator (di luar aplikasi ini)');
      const policy = await parseWitnessPolicy(policyText);
      if (keySource === 'PINNED') remember(PIN_KEY, key);
      remember(POLICY_KEY, policyText);
      const verification = await verifyBundleLines(await open(), key, {
        ...(bundle.kind === 'EXPORT' ? { caseId } : {}),
        ...(policy ? { witnessPolicy: policy } : {}),
        ...(heldHere ? { heldCheckpoint: heldHere.checkpoint } : {}),
      });
      if (
        verification.ok &&
        verification.checkpoint !== null &&
        verification.treeSize !== null &&
        verification.signedAt !== null &&
        (heldHere === null || verification.treeSize >= heldHere.treeSize)
      ) {
        const next = { verifierKey: key, checkpoint: verification.checkpoint, treeSize: verification.treeSize, signedAt: verification.signedAt };
        writeHeld(next);
        setHeld(next);
      }
      setResult({ verification, from: { bundle, keySource } });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }

  const checkExport = () =>
    check({ kind: 'EXPORT', caseId }, async () => {
      const res = await fetchCaseExport(caseId);
      return res.body ? readLines(res.body) : linesOf(await res.text());
    });

  function checkFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file) void check({ kind: 'FILE', name: file.name }, async () => readLines(file.stream()));
  }

  async function download() {
    setError(null);
    try {
      await downloadCaseExport(caseId);
    } catch (e) {
      setError(e);
    }
  }

  function forgetHeld() {
    writeHeld(null);
    setHeld(null);
  }

  return (
    <div className="ledger-check">
      <div className="field">
        <label htmlFor="pinned-key">Kunci verifikator yang disematkan</label>
        <input
          id="pinned-key"
          aria-describedby="pinned-key-hint"
          spellCheck={false}
          autoComplete="off"
          value={pinned}
          placeholder="nama+id+kunci"
          onChange={(e) => {
            setPinned(e.target.value);
            setKeySource('PINNED');
            setResult(null);
          }}
        />
        <small id="pinned-key-hint">
          {keySource === 'OPERATOR' ? (
            <>
              Terisi dengan kunci yang <strong>diumumkan operator sendiri</strong> (<code>GET /api/ledger/public-key</code>): itu klaim operator, bukan bukti. Cocokkan dengan kunci
              yang Anda terima di luar aplikasi (surat resmi, situs instansi), atau tempel kunci Anda sendiri.
            </>
          ) : (
            <>Tempel kunci dari operator yang Anda terima di luar aplikasi; kunci di dalam bundel tidak dipercaya.</>
          )}
          {keySource === 'PINNED' && operatorKey !== null && key !== '' && key !== operatorKey ? (
            <>
              {' '}
              <strong>Berbeda dengan kunci yang kini diumumkan operator</strong>: tanyakan ke operator (kunci diganti?) sebelum mempercayai salah satunya.
            </>
          ) : null}
        </small>
        {operatorKey !== null && keySource === 'PINNED' && key !== operatorKey ? (
          <div>
            <button
              type="button"
              className="btn btn-secondary"
              onClick={() => {
                setPinned(operatorKey);
                setKeySource('OPERATOR');
                setResult(null);
              }}
            >
              Isi dengan kunci yang diumumkan operator
            </button>
          </div>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="witness-policy">Kebijakan saksi (opsional)</label>
        <textarea
          id="witness-policy"
          aria-describedby="witness-policy-hint"
          rows={3}
          spellCheck={false}
          value={policyText}
          placeholder="2 of saksi-a+1a2b3c4d+BK… saksi-b+5e6f7a8b+BP…"
          onChange={(e) => {
            setPolicyText(e.target.value);
            setResult(null);
          }}
        />
        <small id="witness-policy-hint">
          {policyText.trim() === '' ? (
            <>
              <strong>Tanpa kebijakan saksi</strong>: checkpoint tidak harus disaksikan.{' '}
            </>
          ) : null}
          Tulis <code>&lt;k&gt; of &lt;kunci saksi&gt; …</code>: checkpoint harus ditandatangani-bersama (cosignature) oleh paling sedikit k saksi itu; <code>#</code> memulai
          catatan.
        </small>
      </div>
      <div>
        <button type="button" className="btn btn-primary" disabled={busy !== null} onClick={checkExport}>
          Verifikasi catatan
        </button>
        <button type="button" className="btn btn-secondary" disabled={busy !== null} onClick={download}>
          Unduh bundel kasus
        </button>
      </div>
      <div className="field" style={{ marginTop: '0.75rem' }}>
        <label htmlFor="bundle-file">Unggah bundel untuk diperiksa (.jsonl)</label>
        <input id="bundle-file" type="file" accept=".jsonl,.ndjson,application/x-ndjson" aria-describedby="bundle-file-hint" disabled={busy !== null} onChange={checkFile} />
        <small id="bundle-file-hint">Bundel yang Anda unduh sebelumnya atau terima dari pihak lain, diperiksa di peramban ini dengan kunci dan kebijakan di atas.</small>
      </div>
      {heldHere ? (
        <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '0 0.5rem', marginBottom: '0.5rem' }}>
          <small className="hint">
            Checkpoint yang disimpan di peramban ini: ukuran {formatNumber(heldHere.treeSize)}, ditandatangani {formatInstant(heldHere.signedAt)}. Bundel berikutnya harus sama atau
            melanjutkannya.
          </small>
          <button type="button" className="btn btn-secondary" onClick={forgetHeld}>
            Lupakan checkpoint yang disimpan
          </button>
        </div>
      ) : null}
      <div role="status" aria-live="polite">
        {busy ? <p>{busy}</p> : null}
        {error instanceof ApiProblem ? (
          <ProblemView error={error} />
        ) : error ? (
          <p className="problem">Tidak dapat memeriksa: {error instanceof Error ? error.message : String(error)}</p>
        ) : null}
        {result ? <LedgerCheckResult result={result.verification} from={result.from} /> : null}
      </div>
    </div>
  );
}
