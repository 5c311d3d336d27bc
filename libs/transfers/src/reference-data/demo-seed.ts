import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { buildDemoData } from '@mutasi/demo-data';
import { Actor, toDate } from '@mutasi/domain';
import { Clock } from '@mutasi/platform';
import { ReferenceDataImporter } from '../import/import.service';

const SEED_ACTOR: Actor = { userId: 'system:demo-seed', name: 'Mutasi demo data', role: 'SYSTEM', agencyId: 'system' };

/** Loads the demo data set on the first start (empty reference data), through the same validated import. */
export async function seedDemoData(db: DataSource, importer: ReferenceDataImporter, clock: Clock): Promise<boolean> {
  const [{ n }] = (await db.query('SELECT count(*)::int AS n FROM agencies')) as [{ n: number }];
  if (n > 0) return false;
  const data = buildDemoData(toDate(clock.now().toISOString()));
  const summary = await importer.importJson(JSON.parse(JSON.stringify(data)) as unknown, SEED_ACTOR, 'seed');
  new Logger('DemoData').log(`demo data loaded: ${summary.agencies} agencies, ${summary.positions} positions, ${summary.employees} employees, ${summary.users} demo users`);
  return true;
}
