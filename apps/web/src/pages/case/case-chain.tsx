import { agencyName, zoneOf } from '../../api/agencies';
import { Agency, Step } from '../../api/types';
import { CodeLabel } from '../../components/code-label';
import { formatDate, formatInstant } from '../../i18n/format';
import { ROLES, STEP_KINDS, STEP_STATUSES } from '../../i18n/labels';

const tone = (status: string) =>
  status === 'APPROVED' || status === 'DONE' ? 'ok' : status === 'ACTIVE' ? 'info' : status === 'REJECTED' || status === 'RETURNED' ? 'bad' : undefined;

/** The approval chain drawn as a path: each office in order, who acted and when, the deadline and the escalations. */
export function CaseChain({ steps, agencies }: { steps: readonly Step[]; agencies: Map<string, Agency> }) {
  if (steps.length === 0) return <p>Rantai persetujuan dimulai setelah usulan diajukan untuk persetujuan.</p>;
  return (
    <ol className="chain" aria-label="Rantai persetujuan">
      {steps.map((s, i) => (
        <li key={s.stepId} className={`chain-step status-${s.status.toLowerCase()}`}>
          <span className="chain-dot" aria-hidden="true">
            {i + 1}
          </span>
          <div>
            <div className="chain-title">
              <CodeLabel table={STEP_KINDS} code={s.kind} /> · <CodeLabel table={STEP_STATUSES} code={s.status} tone={tone(s.status)} />
            </div>
            <div>
              <CodeLabel table={ROLES} code={s.role} /> · {agencyName(agencies, s.agencyId)}
            </div>
            {s.ruleIds.length > 0 ? <div>Dasar aturan: {s.ruleIds.join(', ')}</div> : null}
            {s.deadline && s.status === 'ACTIVE' ? (
              <div>
                Tenggat: {formatDate(s.deadline)} ({zoneOf(agencies, s.agencyId)})
              </div>
            ) : null}
            {s.escalations > 0 ? <div className="tone-warn">Dieskalasi {s.escalations}× karena lewat tenggat (R-30)</div> : null}
            {s.actor ? (
              <div>
                Oleh {s.actor.name} ({s.actor.userId}), {formatInstant(s.actor.at, zoneOf(agencies, s.actor.agencyId))}
                {s.actor.notes ? <> — “{s.actor.notes}”</> : null}
              </div>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
