import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventStore } from '@mutasi/event-store';
import { Clock, keepRunning, MutasiConfig, pause } from '@mutasi/platform';
import { ProjectionRunner } from '@mutasi/read-models';
import { NotificationsProjection } from './notifications.projection';
import { OutboxMailer, smtpTransport } from './outbox-mailer';

/** How often the outbox is looked at when the last pass sent nothing, in ms. */
export const MAIL_POLL_MS = 5_000;

/**
 * The two background loops of notifications: the projection that writes notifications and outbox rows from the event
 * store, and the mailer that drains the outbox. Both restart after a failure and stop on shutdown; tests leave them off
 * and call `runner.catchUpTo()` and `mailer.drainOnce()`.
 */
export class NotificationWorkers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Notifications');
  private readonly stop = new AbortController();
  private loops: Promise<void>[] = [];
  readonly runner: ProjectionRunner;
  readonly mailer: OutboxMailer;

  constructor(
    store: EventStore,
    db: DataSource,
    clock: Clock,
    mail: MutasiConfig['mail'],
    private readonly enabled: boolean,
  ) {
    const intake = mail.smtpUrl
      ? { send: true as const, now: () => clock.now(), publicUrl: mail.publicUrl }
      : { send: false as const, reason: 'SMTP_URL is not set', publicUrl: mail.publicUrl };
    this.runner = new ProjectionRunner(store, db, new NotificationsProjection(store, intake), {
      batchSize: 200,
      onQuarantine: ({ event, error }) => this.logger.warn(`quarantined ${event.type} ${event.eventId} of ${event.streamId}: ${String(error)}`),
    });
    this.mailer = new OutboxMailer(db, clock, mail.smtpUrl ? smtpTransport(mail.smtpUrl, mail.from) : null);
  }

  onApplicationBootstrap(): void {
    if (!this.enabled) return;
    const warn = (line: string): void => this.logger.warn(line);
    this.loops.push(keepRunning('notifications projection', this.stop.signal, () => this.runner.follow(this.stop.signal), warn));
    if (this.mailer.enabled) this.loops.push(keepRunning('notification mailer', this.stop.signal, () => this.mailForever(), warn));
  }

  private async mailForever(): Promise<void> {
    while (!this.stop.signal.aborted) {
      const { sent } = await this.mailer.drainOnce();
      if (sent === 0) await pause(MAIL_POLL_MS, this.stop.signal);
    }
  }

  /** Stops both loops before the database closes, so shutdown interrupts no query. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stop.abort();
    await Promise.all(this.loops.map((loop) => loop.catch(() => undefined)));
    this.mailer.close();
  }
}
