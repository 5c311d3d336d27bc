import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications (docs/notifications.md): the bell's rows (rebuilt from the events), the read marks and the e-mail
 * outbox (both kept across a rebuild: a read mark is the reader's act, and a mail once queued or sent must neither be
 * lost nor sent again).
 */
export class NotificationTables1700000000600 implements MigrationInterface {
  name = 'NotificationTables1700000000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE notifications (id uuid PRIMARY KEY, user_id text NOT NULL, case_id text NOT NULL, event_id uuid NOT NULL,
      global_position text NOT NULL, kind text NOT NULL, topic text NOT NULL, title text NOT NULL, body text NOT NULL, link text NOT NULL, deadline date,
      created_at timestamptz NOT NULL, UNIQUE (event_id, user_id))`);
    await q.query('CREATE INDEX notifications_user ON notifications (user_id, global_position DESC)');
    await q.query('CREATE TABLE notification_reads (notification_id uuid PRIMARY KEY, user_id text NOT NULL, read_at timestamptz NOT NULL)');
    await q.query(`CREATE TABLE notification_outbox (notification_id uuid PRIMARY KEY, recipient text, subject text NOT NULL, body text NOT NULL,
      status text NOT NULL CHECK (status IN ('PENDING', 'SENT', 'SKIPPED')), skipped_because text, attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz, last_error text, created_at timestamptz NOT NULL, sent_at timestamptz)`);
    await q.query(`CREATE INDEX notification_outbox_due ON notification_outbox (next_attempt_at) WHERE status = 'PENDING'`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['notification_outbox', 'notification_reads', 'notifications']) await q.query(`DROP TABLE ${table}`);
  }
}

export const NOTIFICATION_MIGRATIONS = [NotificationTables1700000000600];
