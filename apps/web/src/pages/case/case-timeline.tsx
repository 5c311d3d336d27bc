import { zoneOf } from '../../api/agencies';
import { Agency, StoredEvent } from '../../api/types';
import { CodeLabel } from '../../components/code-label';
import { formatInstant } from '../../i18n/format';
import { EVENTS, ROLES } from '../../i18n/labels';

interface EventActor {
  userId?: string;
  name?: string;
  role?: string;
  agencyId?: string;
}

/** Why, in the event's own words: the free text an actor gave (notes, reason, justification). */
function why(data: Record<string, unknown>): string | null {
  for (const key of ['reason', 'notes', 'reasoning', 'justification', 'message']) {
    const v = data[key];
    if (typeof v === 'string' && v !== '') return v;
  }
  return null;
}

/** Every event of the case, oldest first: what, who (role and agency), when in the agency's zone, and why. */
export function CaseTimeline({ events, agencies }: { events: readonly StoredEvent[]; agencies: Map<string, Agency> }) {
  return (
    <ol className="timeline" aria-label="Riwayat peristiwa">
      {events.map((e) => {
        const actor = (e.metadata.actor ?? {}) as EventActor;
        const reason = why(e.data);
        return (
          <li key={e.eventId}>
            <div>
              <strong>
                <CodeLabel table={EVENTS} code={e.type} />
              </strong>{' '}
              <small>revisi {e.revision}</small>
            </div>
            <div>
              {actor.name ?? actor.userId ?? 'sistem'} {actor.userId ? <code>{actor.userId}</code> : null} · <CodeLabel table={ROLES} code={actor.role} /> · {actor.agencyId ?? '—'}{' '}
              · {formatInstant(typeof e.metadata.recordedAt === 'string' ? e.metadata.recordedAt : null, zoneOf(agencies, actor.agencyId))}
            </div>
            {reason ? <div className="why">“{reason}”</div> : null}
          </li>
        );
      })}
    </ol>
  );
}
