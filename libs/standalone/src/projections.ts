import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { EventStore, PostgresEventStore } from '@mutasi/event-store';
import { Projection, ProjectionRunner } from '@mutasi/read-models';
import { DatabaseModule } from '@mutasi/platform';
import { AUDIT_MIGRATIONS, AuditTrailProjection, FlagsProjection, RefusalsProjection } from '@mutasi/audit';
import { DASHBOARD_MIGRATIONS, DashboardStoreFeed } from '@mutasi/dashboard';
import { NOTIFICATION_MIGRATIONS, NotificationsProjection } from '@mutasi/notifications';
import { RelayTables1700000000400 } from '@mutasi/messaging';
import { PlacementsProjection, SchedulerProjection, TRANSFER_ENTITIES, TRANSFER_MIGRATIONS } from '@mutasi/transfers';

/** Every projection of the system by name, built on the event store it reads. */
const PROJECTIONS: Readonly<Record<string, (store: EventStore) => Projection>> = {
  'scheduler-due-work': (store) => new SchedulerProjection(store),
  placements: (store) => new PlacementsProjection(store),
  'audit-trail': (store) => new AuditTrailProjection(store),
  'audit-flags': (store) => new FlagsProjection(store),
  'audit-refusals': () => new RefusalsProjection(),
  dashboard: (store) => new DashboardStoreFeed(store),
  // A rebuild restores the bell; it never mails (mail already queued or sent stays as it is).
  notifications: (store) => new NotificationsProjection(store, { send: false, reason: 'written by projections:rebuild' }),
};

export const PROJECTION_NAMES = Object.keys(PROJECTIONS);

/** Entities and migrations of every service, for a process that hosts them all. */
export const ALL_ENTITIES = [...TRANSFER_ENTITIES];
export const ALL_MIGRATIONS = [...TRANSFER_MIGRATIONS, ...AUDIT_MIGRATIONS, RelayTables1700000000400, ...DASHBOARD_MIGRATIONS, ...NOTIFICATION_MIGRATIONS];

function progressLine(done: number, total: number | null, startedAt: number): string {
  const seconds = (Date.now() - startedAt) / 1000;
  const rate = seconds > 0 ? done / seconds : 0;
  const left = total !== null && rate > 0 ? Math.max(0, (total - done) / rate) : null;
  return `\r${done.toLocaleString('en-US')}${total !== null ? ` / ${total.toLocaleString('en-US')}` : ''} events, ${Math.round(rate).toLocaleString('en-US')} events/s${left !== null ? `, ${left.toFixed(0)} s left` : ''}   `;
}

/**
 * Rebuilds one projection from zero: empties its tables and checkpoint in one transaction, then reads every event
 * in global order. If the process is killed, running it again continues from the last committed batch.
 */
export async function rebuildProjection(name: string, databaseUrl: string, write: (text: string) => void, options: { reset?: boolean } = {}): Promise<number> {
  const build = PROJECTIONS[name];
  if (!build) throw new Error(`no projection ${name}; known: ${PROJECTION_NAMES.join(', ')}`);
  @Module({
    imports: [
      DatabaseModule.forRoot({ url: databaseUrl, entities: ALL_ENTITIES, migrations: ALL_MIGRATIONS, eventStoreConnection: process.env.EVENTSTORE_CONNECTION_STRING ?? null }),
    ],
  })
  class RebuildModule {}
  const context = await NestFactory.createApplicationContext(RebuildModule, { logger: ['error'] });
  try {
    const store = context.get(EventStore);
    const total = store instanceof PostgresEventStore ? await store.count() : null;
    const startedAt = Date.now();
    let done = 0;
    const runner = new ProjectionRunner(store, context.get(DataSource), build(store), {
      batchSize: 1_000,
      onBatch: ({ events }) => {
        done += events;
        write(progressLine(done, total, startedAt));
      },
    });
    if (options.reset ?? true) await runner.reset();
    else done = (await runner.checkpoint()).eventsDone;
    const read = await runner.catchUp();
    write(`${progressLine(done, total, startedAt)}\nrebuilt ${name}: ${read.toLocaleString('en-US')} events read\n`);
    return read;
  } finally {
    await context.close();
  }
}
