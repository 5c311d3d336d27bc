import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { get, request } from '../api/http';
import { ProblemView } from '../components/problem-view';

interface Preview {
  changedRecords: number;
  conflicts: unknown[];
  changes: { entity: string; key: string; created: boolean; fields: { field: string; kind: string; old?: unknown; new?: unknown; sensitive: boolean }[] }[];
}
interface PolicyVersion {
  version: string;
  effectiveFrom: string;
  legalBasis?: string;
  [k: string]: unknown;
}

const show = (v: unknown) => (v === undefined ? '—' : JSON.stringify(v));

/** Admin: import reference data with a preview of every error and every change before applying; the policy versions. */
export function AdminPage() {
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [applied, setApplied] = useState<Record<string, unknown> | null>(null);
  const policies = useQuery({ queryKey: ['policies'], queryFn: () => get<PolicyVersion[]>('/api/policies') });

  function parsed(): unknown {
    try {
      return JSON.parse(text);
    } catch (e) {
      throw new Error(`berkas bukan JSON yang sah: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
  }

  async function run(kind: 'preview' | 'apply') {
    setError(null);
    setApplied(null);
    if (kind === 'preview') setPreview(null);
    try {
      if (kind === 'preview') setPreview((await request<Preview>('POST', '/api/admin/import/preview', { body: parsed() })).body);
      else {
        setApplied((await request<Record<string, unknown>>('POST', '/api/admin/import', { body: parsed() })).body);
        setPreview(null);
      }
    } catch (e) {
      setError(e);
    }
  }

  return (
    <div className="page">
      <h1>Admin: data referensi</h1>
      <section className="card" aria-labelledby="h-impor">
        <h2 id="h-impor">Impor data referensi</h2>
        <div className="field">
          <label htmlFor="berkas">Berkas JSON</label>
          <input
            id="berkas"
            type="file"
            accept="application/json,.json"
            onChange={async (e) => {
              const f = e.target.files?.[0];
              if (f) setText(await f.text());
              setPreview(null);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor="isi-berkas">Isi berkas</label>
          <textarea
            id="isi-berkas"
            rows={8}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setPreview(null);
            }}
          />
        </div>
        <button type="button" className="btn btn-secondary" onClick={() => run('preview')} disabled={text === ''}>
          Pratinjau
        </button>{' '}
        <button type="button" className="btn btn-primary" onClick={() => run('apply')} disabled={preview === null}>
          Terapkan impor
        </button>
        <ProblemView error={error} />
        {preview ? (
          <div role="status">
            <p>
              Pratinjau: {preview.changedRecords} catatan akan berubah{preview.conflicts.length > 0 ? `, ${preview.conflicts.length} konflik` : ''}. Tidak ada yang disimpan sebelum
              Anda menerapkan.
            </p>
            <div className="table-wrap">
              <table>
                <caption>Perubahan</caption>
                <thead>
                  <tr>
                    <th scope="col">Catatan</th>
                    <th scope="col">Kolom</th>
                    <th scope="col">Lama</th>
                    <th scope="col">Baru</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.changes.flatMap((c) =>
                    c.fields.map((f) => (
                      <tr key={`${c.entity}/${c.key}/${f.field}`}>
                        <td>
                          {c.entity} {c.key}
                          {c.created ? ' (baru)' : ''}
                        </td>
                        <td>
                          <code>{f.field}</code>
                        </td>
                        <td>{f.sensitive ? 'disembunyikan' : show(f.old)}</td>
                        <td>{f.sensitive ? 'disembunyikan' : show(f.new)}</td>
                      </tr>
                    )),
                  )}
                </tbody>
              </table>
            </div>
          </div>
        ) : null}
        {applied ? (
          <p role="status" className="verified">
            Impor diterapkan: {String(applied.changedRecords)} catatan berubah (SHA-256 berkas <code>{String(applied.sha256)}</code>).
          </p>
        ) : null}
      </section>
      <section className="card" aria-labelledby="h-kebijakan">
        <h2 id="h-kebijakan">Versi kebijakan</h2>
        <ProblemView error={policies.error} />
        <ul>
          {(policies.data ?? []).map((p) => (
            <li key={p.version}>
              <strong>{p.version}</strong> berlaku mulai {String(p.effectiveFrom)}
              {p.legalBasis ? ` · ${p.legalBasis}` : ''}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
