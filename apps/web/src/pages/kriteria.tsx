import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../api/client';
import { ProblemView } from '../components/problem-view';
import { formatDate, formatNumber } from '../i18n/format';

/** Kriteria: the merit criteria in force, readable by every ASN (the same function ranks the pool and checks M-01). */
export function KriteriaPage() {
  const merit = useQuery({ queryKey: ['merit'], queryFn: () => ok(api.GET('/api/policies/current/merit')) });
  const m = merit.data;
  return (
    <div className="page">
      <h1>Kriteria merit yang berlaku</h1>
      <ProblemView error={merit.error} />
      {m ? (
        <>
          <section className="card" aria-labelledby="h-ringkas">
            <h2 id="h-ringkas">Ringkasan</h2>
            <p>{m.summary}</p>
            <p>
              Kebijakan <code>{m.policyVersion}</code> berlaku sejak {formatDate(m.inForceSince)} · versi skor <code>{m.scoreVersion}</code> · dasar hukum: {m.legalBasis}
            </p>
          </section>
          <section className="card" aria-labelledby="h-bobot">
            <h2 id="h-bobot">Unsur penilaian dan bobotnya</h2>
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Unsur</th>
                    <th scope="col">Bobot</th>
                    <th scope="col">Penjelasan</th>
                  </tr>
                </thead>
                <tbody>
                  {m.criteria.map((c) => (
                    <tr key={c.part}>
                      <th scope="row">
                        {c.label} <code>{c.part}</code>
                      </th>
                      <td>{formatNumber(c.weight * 100)}%</td>
                      <td>{c.explanation}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <section className="card" aria-labelledby="h-syarat">
            <h2 id="h-syarat">Syarat yang harus dipenuhi</h2>
            <ul className="rules">
              {m.eligibility.map((e) => (
                <li key={e.ruleId}>
                  <strong>{e.ruleId}</strong> {e.explanation} <small>Dasar hukum: {e.legalBasis}</small>
                </li>
              ))}
            </ul>
            <p>
              <strong>Kumpulan kandidat</strong>: {m.pool.explanation} <small>({m.pool.legalBasis})</small>
            </p>
            <p>
              <strong>Memilih bukan peringkat terbaik</strong>: {m.choosingLowerRanked}
            </p>
          </section>
          {m.exceptionGrounds && m.exceptionGrounds.length > 0 ? (
            <section className="card" aria-labelledby="h-pengecualian">
              <h2 id="h-pengecualian">Alasan pengecualian yang diakui</h2>
              <ul className="rules">
                {m.exceptionGrounds.map((g) => (
                  <li key={g.code}>
                    <strong>{g.ruleId}</strong> {g.label} <code>{g.code}</code> <small>{g.legalBasis}</small>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
