import { DataSource } from 'typeorm';

/** One notification as the bell shows it. */
export interface NotificationItem {
  readonly id: string;
  readonly caseId: string;
  readonly kind: 'TASK' | 'DEADLINE' | 'INFO';
  readonly topic: string;
  readonly title: string;
  readonly body: string;
  readonly link: string;
  readonly deadline: string | null;
  readonly createdAt: string;
  readonly read: boolean;
}

interface Row {
  id: string;
  case_id: string;
  kind: NotificationItem['kind'];
  topic: string;
  title: string;
  body: string;
  link: string;
  deadline: string | null;
  created_at: Date;
  read: boolean;
}

/** The caller's notifications and read marks: every query is limited to one user id (the signed-in principal's). */
export class NotificationQueries {
  constructor(private readonly db: DataSource) {}

  /** Newest first (the event store's order), with the number still unread. */
  async list(userId: string, options: { unreadOnly: boolean; limit: number }): Promise<{ unread: number; items: NotificationItem[] }> {
    const rows = (await this.db.query(
      `SELECT n.id, n.case_id, n.kind, n.topic, n.title, n.body, n.link, n.deadline::text AS deadline, n.created_at, (r.notification_id IS NOT NULL) AS read
         FROM notifications n LEFT JOIN notification_reads r ON r.notification_id = n.id
        WHERE n.user_id = $1 AND (NOT $2 OR r.notification_id IS NULL)
        ORDER BY n.global_position DESC, n.id LIMIT $3`,
      [userId, options.unreadOnly, options.limit],
    )) as Row[];
    return {
      unread: await this.unread(userId),
      items: rows.map((r) => ({
        id: r.id,
        caseId: r.case_id,
        kind: r.kind,
        topic: r.topic,
        title: r.title,
        body: r.body,
        link: r.link,
        deadline: r.deadline,
        createdAt: r.created_at.toISOString(),
        read: r.read,
      })),
    };
  }

  async unread(userId: string): Promise<number> {
    const rows = (await this.db.query(
      'SELECT count(*)::int AS unread FROM notifications n WHERE n.user_id = $1 AND NOT EXISTS (SELECT 1 FROM notification_reads r WHERE r.notification_id = n.id)',
      [userId],
    )) as { unread: number }[];
    return rows[0]?.unread ?? 0;
  }

  /**
   * Marks the caller's notifications read: those of `ids` (others' ids are ignored, so an id tells nothing) or, without
   * ids, all of them. Returns how many were newly marked.
   */
  async markRead(userId: string, ids: readonly string[] | null, at: Date): Promise<number> {
    const rows = (await this.db.query(
      `WITH marked AS (INSERT INTO notification_reads (notification_id, user_id, read_at)
         SELECT n.id, n.user_id, $3 FROM notifications n WHERE n.user_id = $1 AND ($2::uuid[] IS NULL OR n.id = ANY($2::uuid[]))
         ON CONFLICT (notification_id) DO NOTHING RETURNING 1)
       SELECT count(*)::int AS marked FROM marked`,
      [userId, ids === null ? null : [...ids], at],
    )) as { marked: number }[];
    return rows[0]?.marked ?? 0;
  }
}
