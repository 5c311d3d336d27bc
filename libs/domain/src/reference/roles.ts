/** The roles of docs/domain.md §1, plus SYSTEM for the scheduler that turns due dates into commands. */
export const ROLES = ['PNS', 'PENGUSUL', 'VERIFIKATOR', 'TIM_PENILAI_KINERJA', 'PPK', 'GUBERNUR', 'MENDAGRI', 'KANREG_BKN', 'KEPALA_BKN', 'INSPEKTUR', 'ADMIN'] as const;
export type HumanRole = (typeof ROLES)[number];
export type Role = HumanRole | 'SYSTEM';

/** True when `value` is a role a person can hold. */
export function isRole(value: unknown): value is HumanRole {
  return (ROLES as readonly unknown[]).includes(value);
}

/** Who acts: taken from the verified login (or the scheduler), never from a request body. */
export interface Actor {
  readonly userId: string;
  readonly name: string;
  readonly role: Role;
  readonly agencyId: string;
  /** The actor's own NIP, when the actor is an ASN (used for R-06 conflicts of interest). */
  readonly nip?: string;
}

/** The scheduler's identity on the events it causes. */
export const SCHEDULER_ACTOR: Actor = { userId: 'system:scheduler', name: 'Mutasi scheduler', role: 'SYSTEM', agencyId: 'system' };
