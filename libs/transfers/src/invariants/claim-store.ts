import { DomainError, HeldPlaces, heldList, ruleRefused } from '@mutasi/domain';
import { ClaimOp } from './claims';

/** Anything that runs SQL: a pool, a client inside a transaction, or a TypeORM entity manager. */
export interface Sql {
  query(text: string, values?: unknown[]): Promise<unknown>;
}

type Rows<T> = { rows: T[] } | T[];
const rowsOf = <T>(result: unknown): T[] => (Array.isArray(result) ? (result as T[]) : (result as Rows<T> & { rows: T[] }).rows);

const NAMED_HOLDERS = 50;

/**
 * The places of a position other cases under way hold: how many, and, when they fill the `gap`, the oldest
 * holders for the refusal to name.
 */
export async function placesHeld(db: Sql, positionId: string, exceptCaseId: string | null, gap: number): Promise<HeldPlaces> {
  const [{ n }] = rowsOf<{ n: number }>(
    await db.query('SELECT count(*)::int AS n FROM position_claims WHERE position_id = $1 AND case_id IS DISTINCT FROM $2', [positionId, exceptCaseId]),
  );
  if (n === 0 || n < gap) return { count: n, caseIds: [] };
  const rows = rowsOf<{ case_id: string }>(
    await db.query('SELECT case_id FROM position_claims WHERE position_id = $1 AND case_id IS DISTINCT FROM $2 ORDER BY claimed_at, case_id LIMIT $3', [
      positionId,
      exceptCaseId,
      NAMED_HOLDERS,
    ]),
  );
  return { count: n, caseIds: rows.map((r) => r.case_id) };
}

/** The open case that holds an employee (M-09), if any. */
export async function employeeOpenCase(db: Sql, nip: string): Promise<string | null> {
  const rows = rowsOf<{ case_id: string }>(await db.query('SELECT case_id FROM employee_claims WHERE nip = $1', [nip]));
  return rows[0]?.case_id ?? null;
}

/**
 * Whether the case already holds a place of the position, the position's gap, whether a place is free (other cases'
 * claims are counted only up to the gap: under the lock, the work is bounded by the vacancies), and whether one was
 * taken now (only when none was held, one is free and the position exists). One statement that runs after
 * the statement locking the position row, so its snapshot sees every claim committed before the lock was ours.
 */
const TAKE_PLACE = `
  WITH mine AS (SELECT 1 FROM position_claims WHERE case_id = $2),
    place AS (SELECT coalesce((SELECT kebutuhan - bezetting FROM positions_current WHERE id = $1), 0) AS gap),
    held AS (SELECT count(*)::int AS n FROM (SELECT 1 FROM position_claims WHERE position_id = $1 AND case_id IS DISTINCT FROM $2 LIMIT greatest((SELECT gap FROM place), 0)) h),
    free AS (SELECT (SELECT gap FROM place) - (SELECT n FROM held) > 0 AS yes),
    taken AS (
      INSERT INTO position_claims (case_id, position_id)
      SELECT $2, $1 WHERE NOT EXISTS (SELECT 1 FROM mine) AND (SELECT yes FROM free) AND EXISTS (SELECT 1 FROM positions WHERE id = $1)
      ON CONFLICT (case_id) DO NOTHING RETURNING 1)
  SELECT EXISTS (SELECT 1 FROM mine) AS mine, (SELECT gap FROM place) AS gap, (SELECT yes FROM free) AS free, EXISTS (SELECT 1 FROM taken) AS taken`;

async function holdPlace(db: Sql, op: Extract<ClaimOp, { kind: 'HOLD_PLACE' }>): Promise<boolean> {
  // The position row is the lock every claimant and the placement projection take, so the count is exact; it is held
  // until the transaction ends (the caller takes claims last, just before it commits). The second statement must start
  // only once the first has the lock, so it is sent after the first has answered.
  const locked = rowsOf<{ id: string }>(await db.query('SELECT id FROM positions WHERE id = $1 FOR UPDATE', [op.positionId]));
  if (locked.length === 0) return false;
  const [outcome] = rowsOf<{ mine: boolean; gap: number; free: boolean; taken: boolean }>(await db.query(TAKE_PLACE, [op.positionId, op.caseId]));
  if (!outcome || outcome.mine) return false;
  if (!outcome.free) {
    const held = await placesHeld(db, op.positionId, op.caseId, outcome.gap);
    throw ruleRefused(
      'R-04',
      'RULE_R04_PLACES_HELD',
      `seluruh ${outcome.gap} lowongan ${op.positionId} sudah ditempati kasus yang sedang berjalan: ${heldList(held)}`,
      'PP 11/2017 Pasal 190(4)',
    );
  }
  return outcome.taken;
}

async function holdEmployee(db: Sql, op: Extract<ClaimOp, { kind: 'HOLD_EMPLOYEE' }>): Promise<boolean> {
  await db.query('DELETE FROM employee_claims WHERE case_id = $1 AND nip <> $2', [op.caseId, op.nip]);
  const inserted = rowsOf(await db.query('INSERT INTO employee_claims (nip, case_id) VALUES ($1, $2) ON CONFLICT (nip) DO NOTHING RETURNING nip', [op.nip, op.caseId])).length > 0;
  const holder = await employeeOpenCase(db, op.nip);
  if (holder !== null && holder !== op.caseId) {
    throw new DomainError(
      'CONFLICT',
      'EMPLOYEE_IN_OPEN_CASE',
      `pegawai ${op.nip} sudah berada dalam kasus berjalan ${holder}; seorang pegawai paling banyak berada dalam satu kasus berjalan`,
      {
        ruleId: 'M-09',
        legalBasis: 'antiintervensi (M-09): satu pegawai, satu kasus berjalan',
        extensions: { openCaseId: holder },
      },
    );
  }
  return inserted;
}

async function numberDecree(db: Sql, op: Extract<ClaimOp, { kind: 'NUMBER_DECREE' }>): Promise<boolean> {
  const inserted =
    rowsOf(
      await db.query('INSERT INTO decree_numbers (signer_agency_id, decree_number, case_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING case_id', [
        op.signerAgencyId,
        op.decreeNumber,
        op.caseId,
      ]),
    ).length > 0;
  const [owner] = rowsOf<{ case_id: string }>(
    await db.query('SELECT case_id FROM decree_numbers WHERE signer_agency_id = $1 AND decree_number = $2', [op.signerAgencyId, op.decreeNumber]),
  );
  if (owner && owner.case_id !== op.caseId) {
    throw new DomainError(
      'RULE',
      'RULE_M07_DECREE_NUMBER_TAKEN',
      `nomor SK ${op.decreeNumber} dari ${op.signerAgencyId} sudah dipakai oleh kasus ${owner.case_id}; setiap SK dari instansi penanda tangan memiliki nomor sendiri`,
      { ruleId: 'M-07', legalBasis: 'antiintervensi (M-07): satu nomor, satu SK', extensions: { decreeNumberCaseId: owner.case_id } },
    );
  }
  return inserted;
}

/** Frees the place and the employee a case held (it ended). Its decree number stays taken for ever. */
export async function release(db: Sql, caseId: string): Promise<void> {
  await db.query('DELETE FROM position_claims WHERE case_id = $1', [caseId]);
  await db.query('DELETE FROM employee_claims WHERE case_id = $1', [caseId]);
}

/** Applies claims in order; throws the refusal of the first that cannot be held. Returns the claims newly made. */
export async function applyClaims(db: Sql, ops: readonly ClaimOp[]): Promise<ClaimOp[]> {
  const made: ClaimOp[] = [];
  for (const op of ops) {
    let fresh = false;
    switch (op.kind) {
      case 'HOLD_PLACE':
        fresh = await holdPlace(db, op);
        break;
      case 'HOLD_EMPLOYEE':
        fresh = await holdEmployee(db, op);
        break;
      case 'NUMBER_DECREE':
        fresh = await numberDecree(db, op);
        break;
      case 'RELEASE':
        await release(db, op.caseId);
        break;
    }
    if (fresh) made.push(op);
  }
  return made;
}

/** Undoes claims newly made outside a transaction whose append then failed (KurrentDB mode). A release is not undone. */
export async function undoClaims(db: Sql, ops: readonly ClaimOp[]): Promise<void> {
  for (const op of ops) {
    if (op.kind === 'HOLD_PLACE') await db.query('DELETE FROM position_claims WHERE case_id = $1', [op.caseId]);
    if (op.kind === 'HOLD_EMPLOYEE') await db.query('DELETE FROM employee_claims WHERE case_id = $1 AND nip = $2', [op.caseId, op.nip]);
    if (op.kind === 'NUMBER_DECREE') await db.query('DELETE FROM decree_numbers WHERE case_id = $1 AND decree_number = $2', [op.caseId, op.decreeNumber]);
  }
}
