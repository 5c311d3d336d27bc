import { createTransport, Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { Clock } from '@mutasi/platform';

/** Waits before the next attempt of a mail that failed `attempts` times: 30 s, doubling, at most an hour; never gives up. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

/** What one pass over the outbox did. */
export interface DrainResult {
  readonly sent: number;
  readonly failed: number;
}

interface DueMail {
  notification_id: string;
  recipient: string;
  subject: string;
  body: string;
  attempts: number;
}

/** The SMTP transport of `SMTP_URL`, with timeouts short enough that a dead server fails a pass quickly. */
export function smtpTransport(smtpUrl: string, from: string): Transporter {
  return createTransport({ url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 }, { from });
}

/**
 * Sends the outbox's due mails through SMTP and marks each SENT; a failure leaves the mail PENDING with its error and
 * a later attempt time (`retryDelayMs`), so nothing is lost while the server is down. At least once: a crash between
 * the server's acceptance and the commit sends that mail again (with the same Message-ID). Times come from the
 * server clock, so tests move the clock instead of waiting.
 */
export class OutboxMailer {
  constructor(
    private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly transport: Transporter | null,
  ) {}

  /** True when SMTP_URL is set. */
  get enabled(): boolean {
    return this.transport !== null;
  }

  /** One pass: sends up to `limit` mails due now, oldest first; rows another process holds are skipped. */
  async drainOnce(limit = 20): Promise<DrainResult> {
    const transport = this.transport;
    if (!transport) return { sent: 0, failed: 0 };
    const now = this.clock.now();
    return this.db.transaction(async (tx) => {
      const due = (await tx.query(
        `SELECT notification_id, recipient, subject, body, attempts FROM notification_outbox
          WHERE status = 'PENDING' AND next_attempt_at <= $1 ORDER BY created_at, notification_id LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [now, limit],
      )) as DueMail[];
      let sent = 0;
      let failed = 0;
      for (const mail of due) {
        try {
          await transport.sendMail({ to: mail.recipient, subject: mail.subject, text: mail.body, messageId: `<${mail.notification_id}@mutasi.local>` });
          await tx.query(`UPDATE notification_outbox SET status = 'SENT', sent_at = $2, attempts = attempts + 1, last_error = NULL WHERE notification_id = $1`, [
            mail.notification_id,
            now,
          ]);
          sent += 1;
        } catch (error) {
          failed += 1;
          await tx.query('UPDATE notification_outbox SET attempts = attempts + 1, last_error = $2, next_attempt_at = $3 WHERE notification_id = $1', [
            mail.notification_id,
            String(error instanceof Error ? error.message : error).slice(0, 2_000),
            new Date(now.getTime() + retryDelayMs(mail.attempts + 1)),
          ]);
          // No SMTP reply at all: the server is unreachable, so the rest of this pass would fail the same way.
          if ((error as { responseCode?: unknown }).responseCode === undefined) break;
        }
      }
      return { sent, failed };
    });
  }

  close(): void {
    this.transport?.close();
  }
}
