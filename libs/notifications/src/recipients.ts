import { EntityManager } from 'typeorm';
import { createHash } from 'node:crypto';
import { Audience } from './notices';

/** A person a notice is addressed to, from the user directory (`dev_users`: the demo users and imported users). */
export interface Recipient {
  readonly userId: string;
  readonly agencyId: string;
}

/**
 * Every person of the directory an audience names: each holder of an office (role in agency), and each user with the
 * employee's NIP. The directory as it stands when the event is projected: a rebuild addresses today's holders.
 */
export async function recipientsOf(tx: EntityManager, audience: readonly Audience[]): Promise<Recipient[]> {
  const offices = audience.filter((a) => a.kind === 'OFFICE');
  const nips = audience.flatMap((a) => (a.kind === 'EMPLOYEE' ? [a.nip] : []));
  const rows = (await tx.query(
    `SELECT user_id, agency_id FROM dev_users u
      WHERE EXISTS (SELECT 1 FROM unnest($1::text[], $2::text[]) AS o(role, agency_id) WHERE u.agency_id = o.agency_id AND u.roles ? o.role)
         OR u.nip = ANY($3::text[])
      ORDER BY user_id`,
    [offices.map((o) => o.role), offices.map((o) => o.agencyId), nips],
  )) as { user_id: string; agency_id: string }[];
  return rows.map((r) => ({ userId: r.user_id, agencyId: r.agency_id }));
}

const MAILBOX_PART = /^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$/i;

/**
 * The e-mail address of a recipient. The directory holds no e-mail yet, so the address is derived:
 * `<userId>@<agencyId>.mutasi.local`, for the demo only (docs/notifications.md). Null when the parts cannot form one.
 */
export function mailAddressOf(recipient: Recipient): string | null {
  if (!MAILBOX_PART.test(recipient.userId) || !/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i.test(recipient.agencyId)) return null;
  return `${recipient.userId}@${recipient.agencyId}.mutasi.local`.toLowerCase();
}

/** The id of the notification of one event for one person: a UUID derived from both, so a replay finds the same row. */
export function notificationId(eventId: string, userId: string): string {
  const hash = createHash('sha256').update(`mutasi-notification\n${eventId}\n${userId}`).digest();
  hash[6] = ((hash[6] as number) & 0x0f) | 0x50;
  hash[8] = ((hash[8] as number) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
