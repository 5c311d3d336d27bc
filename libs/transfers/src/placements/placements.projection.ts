import { EntityManager } from 'typeorm';
import { caseIdOfStream, fold, innerCase, isJpt, readTransferEvent, readTransferEvents, toDate, TransferEventType } from '@mutasi/domain';
import { EventStore, RecordedEvent } from '@mutasi/event-store';
import { Projection } from '@mutasi/read-models';
import { release } from '../invariants/claim-store';

const MOVES = new Set<string>([
  'TransferCaseOpened.v1',
  'CandidateProposed.v1',
  'ProposalRevised.v1',
  'ApprovalChainStarted.v1',
  'AppointmentRecorded.v1',
  'DecreeRevoked.v1',
  'TransferWithdrawn.v1',
  'ApprovalStepRejected.v1',
  'TransferCaseClosed.v1',
] satisfies TransferEventType[]);

/** One move a placement records: who, from where to where, since when, under which decree. */
interface PlacementRow {
  readonly caseId: string;
  readonly kind: 'APPOINTMENT' | 'REVOCATION';
  readonly nip: string;
  readonly from: readonly [agencyId: string, positionId: string];
  readonly to: readonly [agencyId: string, positionId: string];
  readonly positionSince: string;
  readonly jptInaugurationDate: string | null;
  readonly decreeNumber: string;
  readonly decreeDate: string;
  readonly effectiveOn: string;
}

/** Writes a placement dated by its event (time and place in the global order); a repeat is a no-op. */
async function insertPlacement(tx: EntityManager, event: RecordedEvent, p: PlacementRow): Promise<void> {
  await tx.query(
    `INSERT INTO placements (case_id, kind, nip, from_agency_id, from_position_id, to_agency_id, to_position_id, position_since, jpt_inauguration_date,
       decree_number, decree_date, effective_on, recorded_at, event_id, position)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) ON CONFLICT DO NOTHING`,
    [
      p.caseId,
      p.kind,
      p.nip,
      p.from[0],
      p.from[1],
      p.to[0],
      p.to[1],
      p.positionSince,
      p.jptInaugurationDate,
      p.decreeNumber,
      p.decreeDate,
      p.effectiveOn,
      String(event.metadata.recordedAt),
      event.eventId,
      event.globalPosition,
    ],
  );
}

/** Events after which a case holds no place: it ended, or its appointment filled the place. */
const PLACE_GIVEN_UP = new Set(['TransferWithdrawn.v1', 'ApprovalStepRejected.v1', 'TransferCaseClosed.v1', 'DecreeRevoked.v1', 'AppointmentRecorded.v1']);
/** Events after which a case holds the proposed employee no more: it ended, or another candidate was proposed. */
const EMPLOYEE_GIVEN_UP = new Set(['TransferWithdrawn.v1', 'ApprovalStepRejected.v1', 'TransferCaseClosed.v1', 'DecreeRevoked.v1', 'ProposalRevised.v1']);

/**
 * The record follows the person: an appointment writes the move into the reference data as a placement (the
 * employee's position, TMT in post and last transfer date; both positions' bezetting, through `employees_current` and
 * `positions_current`), and converts the case's held place into a filled one in the same transaction. A revoked decree
 * writes the move back. Cases that end release what they held. Rebuildable: placements are a pure function of the
 * events, and the claims are put back as the events say.
 */
export class PlacementsProjection implements Projection {
  readonly name = 'placements';
  readonly tables = ['placements', 'case_parties'];

  constructor(private readonly store: EventStore) {}

  handles(event: RecordedEvent): boolean {
    return caseIdOfStream(event.streamId) !== null && MOVES.has(event.type);
  }

  async apply(events: readonly RecordedEvent[], tx: EntityManager): Promise<void> {
    for (const event of events) await this.applyOne(event, tx);
  }

  private async applyOne(event: RecordedEvent, tx: EntityManager): Promise<void> {
    const caseId = caseIdOfStream(event.streamId);
    const domain = readTransferEvent(event);
    if (caseId === null || domain === null) return;
    switch (domain.type) {
      case 'TransferCaseOpened.v1':
        await this.putBack(
          event,
          PLACE_GIVEN_UP,
          tx,
          'INSERT INTO position_claims (case_id, position_id) VALUES ($1, $2) ON CONFLICT (case_id) DO NOTHING',
          [caseId, String(domain.data.targetPositionId)],
          'DELETE FROM position_claims WHERE case_id = $1',
          [caseId],
        );
        await this.involve(tx, caseId, null, [String(domain.data.targetAgencyId)]);
        return;
      case 'CandidateProposed.v1':
      case 'ProposalRevised.v1': {
        const nip = String(domain.data.candidate.nip);
        await tx.query('DELETE FROM employee_claims WHERE case_id = $1 AND nip <> $2', [caseId, nip]);
        await this.putBack(
          event,
          EMPLOYEE_GIVEN_UP,
          tx,
          'INSERT INTO employee_claims (nip, case_id) VALUES ($1, $2) ON CONFLICT (nip) DO NOTHING',
          [nip, caseId],
          'DELETE FROM employee_claims WHERE case_id = $1 AND nip = $2',
          [caseId, nip],
        );
        await this.involve(tx, caseId, nip, [String(domain.data.originAgencyId)]);
        return;
      }
      case 'ApprovalChainStarted.v1': {
        const steps = domain.data.steps ?? [];
        await this.involve(tx, caseId, null, [...steps.map((s) => String(s.agencyId)), String(domain.data.decreeSigner.agencyId)]);
        return;
      }
      case 'AppointmentRecorded.v1':
        await this.placed(event, caseId, tx);
        return;
      case 'DecreeRevoked.v1':
        await this.revoked(event, caseId, tx);
        await release(tx, caseId);
        return;
      case 'TransferWithdrawn.v1':
      case 'ApprovalStepRejected.v1':
      case 'TransferCaseClosed.v1':
        await release(tx, caseId);
        return;
      default:
        return;
    }
  }

  /**
   * True when the case's stream already holds, after `event`, one of `types`. The command path takes and releases
   * claims in the append's transaction; this projection puts them back only for a rebuild, so a claim the case has
   * since given up is not put back by a follower that is behind (or a rebuild), where it would refuse another case a
   * free place or a free employee (M-09) until the follower reached the release.
   */
  private async putBack(
    event: RecordedEvent,
    givenUp: ReadonlySet<string>,
    tx: EntityManager,
    insert: string,
    insertArgs: unknown[],
    undo: string,
    undoArgs: unknown[],
  ): Promise<void> {
    if (await this.laterInStream(event, givenUp)) return;
    await tx.query(insert, insertArgs);
    // The case may have given the claim up while the claim went in (its release committed in between, or the insert
    // waited for it): looked at again once the insert is done, so a release is never undone.
    if (await this.laterInStream(event, givenUp)) await tx.query(undo, undoArgs);
  }

  private async laterInStream(event: RecordedEvent, types: ReadonlySet<string>): Promise<boolean> {
    const later = await this.store.readStream(event.streamId, { fromRevision: event.revision + 1 });
    return later.some((e) => types.has(e.type));
  }

  /** Records who a case involves (read scope): its candidate and the agencies of its steps, accumulated. */
  private async involve(tx: EntityManager, caseId: string, nip: string | null, agencies: readonly string[]): Promise<void> {
    await tx.query(
      `INSERT INTO case_parties (case_id, candidate_nip, agencies) VALUES ($1, $2, $3)
       ON CONFLICT (case_id) DO UPDATE SET candidate_nip = COALESCE(excluded.candidate_nip, case_parties.candidate_nip),
         agencies = ARRAY(SELECT DISTINCT unnest(case_parties.agencies || excluded.agencies) ORDER BY 1)`,
      [caseId, nip, [...new Set(agencies)]],
    );
  }

  /** The case as it stood at `event` (its own stream up to that revision). */
  private async caseAt(event: RecordedEvent) {
    const history = await this.store.readStream(event.streamId, { maxCount: event.revision + 1 });
    return innerCase(fold(readTransferEvents(history)));
  }

  private async lockPositions(tx: EntityManager, ids: readonly string[]): Promise<void> {
    await tx.query('SELECT id FROM positions WHERE id = ANY($1) ORDER BY id FOR UPDATE', [[...new Set(ids)].sort()]);
  }

  private async placed(event: RecordedEvent, caseId: string, tx: EntityManager): Promise<void> {
    const c = await this.caseAt(event);
    if (!c?.proposal || !c.decree || !c.appointment) return;
    const p = c.proposal;
    await this.lockPositions(tx, [p.originPositionId, p.targetPositionId]);
    await insertPlacement(tx, event, {
      caseId,
      kind: 'APPOINTMENT',
      nip: p.candidate.nip,
      from: [p.originAgencyId, p.originPositionId],
      to: [p.targetAgencyId, p.targetPositionId],
      positionSince: c.decree.effectiveDate,
      jptInaugurationDate: isJpt(c.targetPosition.positionClass) ? c.appointment.appointedOn : null,
      decreeNumber: c.decree.decreeNumber,
      decreeDate: c.decree.decreeDate,
      effectiveOn: c.decree.effectiveDate,
    });
    await tx.query('DELETE FROM position_claims WHERE case_id = $1', [caseId]);
  }

  /** BKN revoked the decree: an appointment already made is reversed, the employee back in the post they left. */
  private async revoked(event: RecordedEvent, caseId: string, tx: EntityManager): Promise<void> {
    const rows = (await tx.query(`SELECT 1 FROM placements WHERE case_id = $1 AND kind = 'APPOINTMENT'`, [caseId])) as unknown[];
    if (rows.length === 0) return;
    const c = await this.caseAt(event);
    if (!c?.proposal || !c.decree) return;
    const p = c.proposal;
    await this.lockPositions(tx, [p.originPositionId, p.targetPositionId]);
    await insertPlacement(tx, event, {
      caseId,
      kind: 'REVOCATION',
      nip: p.candidate.nip,
      from: [p.targetAgencyId, p.targetPositionId],
      to: [p.originAgencyId, p.originPositionId],
      positionSince: p.candidate.positionSince,
      jptInaugurationDate: p.candidate.jptInaugurationDate,
      decreeNumber: c.decree.decreeNumber,
      decreeDate: c.decree.decreeDate,
      effectiveOn: toDate(String(event.metadata.recordedAt)),
    });
  }
}
