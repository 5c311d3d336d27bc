import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { EventStore, PostgresEventStore } from '@mutasi/event-store';
import { BlueGreenRebuild, Projection } from '@mutasi/read-models';
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

/** `1,234,567 / 10,000,000 events (12 %), 14,200 events/s, about 10:17 left`: the rebuild's progress line. */
export function progressLine(done: number, total: number | null, startedAt: number, startedFrom = 0, now = Date.now()): string {
  const seconds = (now - startedAt) / 1000;
  const rate = seconds > 0 ? (done - startedFrom) / seconds : 0;
  const of = total !== null && total > 0 ? ` / ${total.toLocaleString('en-US')} events (${Math.min(100, Math.floor((done / total) * 100))} %)` : ' events';
  const left = total !== null && rate > 0 ? Math.max(0, (total - done) / rate) : null;
  const eta = left === null ? '' : `, about ${Math.floor(left / 60)}:${String(Math.round(left % 60)).padStart(2, '0')} left`;
  return `${done.toLocaleString('en-US')}${of}, ${Math.round(rate).toLocaleString('en-US')} events/s${eta}`;
}

/**
 * Rebuilds one projection as a new generation while the current one keeps serving, then switches to it atomically
 * (libs/read-models blue-green/). If the process is killed, the serving generation is untouched and running again
 * continues the unfinished generation from its last committed batch; `fresh` starts it over.
 */
export async function rebuildProjection(name: string, databaseUrl: string, write: (text: string) => void, options: { fresh?: boolean; batchSize?: number } = {}): Promise<number> {
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
    let from = 0;
    let last = { done: 0, at: startedAt };
    const result = await new BlueGreenRebuild(context.get(DataSource), store, build).run({
      fresh: options.fresh ?? false,
      batchSize: options.batchSize,
      say: (line) => write(`${line}\n`),
      onStart: (done) => void (from = done),
      onBatch: (done) => {
        last = { done, at: Date.now() };
        write(`\r${progressLine(done, total, startedAt, from)}   `);
      },
    });
    // The rate of the build itself, up to its last batch (not the indexes and the switch).
    write(`\rrebuilt ${name}: ${progressLine(Math.max(last.done, result.eventsDone), total, startedAt, from, last.at)}; generation ${result.generation} serves\n`);
    return result.eventsDone;
  } finally {
    await context.close();
  }
}
