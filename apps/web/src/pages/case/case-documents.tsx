import { useState } from 'react';
import { CaseView } from '../../api/types';
import { CodeLabel } from '../../components/code-label';
import { ProblemView } from '../../components/problem-view';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES, label } from '../../i18n/labels';
import { downloadFile } from './send';

const tone = (s: string) => (s === 'APPROVED' ? 'ok' : s === 'REJECTED' || s === 'MISSING' ? 'bad' : 'warn');

/** The checklist and the attached documents: each with its SHA-256, who attached and verified it, and a download. */
export function CaseDocuments({ view }: { view: CaseView }) {
  const [error, setError] = useState<unknown>(null);
  return (
    <>
      {view.requiredDocuments.length > 0 ? (
        <ul className="checklist" aria-label="Daftar dokumen wajib">
          {view.requiredDocuments.map((d) => (
            <li key={d.kind}>
              {label(DOCUMENT_KINDS, d.kind)} <code>{d.kind}</code>: <CodeLabel table={DOCUMENT_STATUSES} code={d.status} tone={tone(d.status)} />
            </li>
          ))}
        </ul>
      ) : null}
      {view.documents.length === 0 ? (
        <p>Belum ada dokumen.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption>Dokumen terlampir</caption>
            <thead>
              <tr>
                <th scope="col">Dokumen</th>
                <th scope="col">SHA-256</th>
                <th scope="col">Diunggah</th>
                <th scope="col">Verifikasi</th>
                <th scope="col">Berkas</th>
              </tr>
            </thead>
            <tbody>
              {view.documents.map((d) => (
                <tr key={d.documentId}>
                  <td>
                    {d.title}
                    <br />
                    <code>{d.kind}</code>
                  </td>
                  <td>
                    <code className="hash">{d.sha256}</code>
                  </td>
                  <td>{d.attached ? `${d.attached.name} (${d.attached.agencyId})` : '—'}</td>
                  <td>
                    <CodeLabel table={DOCUMENT_STATUSES} code={d.status} tone={tone(d.status)} />
                    {d.verification ? (
                      <>
                        <br />
                        <small>
                          oleh {d.verification.name}
                          {d.verification.notes ? `: ${d.verification.notes}` : ''}
                        </small>
                      </>
                    ) : null}
                  </td>
                  <td>
                    <button type="button" className="btn btn-secondary" onClick={() => downloadFile(view.caseId, d.sha256, d.title).catch(setError)}>
                      Unduh {d.title}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ProblemView error={error} />
    </>
  );
}
