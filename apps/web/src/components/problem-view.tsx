import { ApiProblem } from '../api/http';

/** A refusal in plain words: what happened, the rule and its legal basis, each field that is wrong, and what to do next. */
export function ProblemView({ error }: { error: unknown }) {
  if (!error) return null;
  if (!(error instanceof ApiProblem))
    return (
      <p role="alert" className="problem">
        Terjadi kesalahan: {error instanceof Error ? error.message : String(error)}
      </p>
    );
  const p = error.problem;
  return (
    <div role="alert" className="problem">
      <p className="problem-title">
        Ditolak ({p.status}) <code>{p.code}</code>
        {p.ruleId ? (
          <>
            {' '}
            · aturan <strong>{p.ruleId}</strong>
          </>
        ) : null}
      </p>
      <p>{p.detail}</p>
      {p.legalBasis ? (
        <p>
          Dasar hukum: <strong>{p.legalBasis}</strong>
        </p>
      ) : null}
      {p.errors && p.errors.length > 0 ? (
        <ul>
          {p.errors.map((e) => (
            <li key={e.field}>
              <code>{e.field}</code>: {e.message}
            </li>
          ))}
        </ul>
      ) : null}
      {p.status === 409 && p.code.includes('REVISION') ? <p>Kasus sudah berubah sejak Anda membukanya dan telah dimuat ulang: periksa lalu kirim lagi.</p> : null}
    </div>
  );
}

/** The message of a problem for one field, shown next to that field. */
export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiProblem ? error.problem.errors?.find((e) => e.field === field || e.field.startsWith(`${field}.`))?.message : undefined;
}
