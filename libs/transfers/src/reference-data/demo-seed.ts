import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { buildDemoData, skpRound } from '@mutasi/demo-data';
import { Actor, toDate } from '@mutasi/domain';
import { Clock } from '@mutasi/platform';
import { ReferenceDataImporter } from '../import/import.service';
import { ReferenceData } from './reference-data';

const SEED_ACTOR: Actor = { userId: 'system:demo-seed', name: 'Mutasi demo data', role: 'SYSTEM', agencyId: 'system' };

/** The standalone demo data: loaded once into an empty database, then kept current as the demo clock moves. */
@Injectable()
export class DemoData {
  private readonly logger = new Logger('DemoData');

  constructor(private readonly db: DataSource, private readonly importer: ReferenceDataImporter, private readonly refs: ReferenceData, private readonly clock: Clock) {}

  private today(): string {
    return toDate(this.clock.now().toISOString());
  }

  /** Loads the demo data set, relative to the clock, when the reference data is empty; returns whether it did. */
  async seed(): Promise<boolean> {
    const [{ n }] = (await this.db.query('SELECT count(*)::int AS n FROM agencies')) as [{ n: number }];
    if (n > 0) return false;
    const data = buildDemoData(this.today());
    const summary = await this.importer.importJson(JSON.parse(JSON.stringify(data)) as unknown, SEED_ACTOR, 'seed');
    this.logger.log(`demo data loaded: ${summary.agencies} agencies, ${summary.positions} positions, ${summary.employees} employees, ${summary.users} demo users`);
    return true;
  }

  /** The yearly SKP round of the demo: ratings of the years the records lack up to the demo clock's year, imported. */
  async skpRound(): Promise<number> {
    const employees = await this.refs.allEmployees();
    const grown = skpRound(employees, this.today());
    if (grown.length === 0) return 0;
    await this.importer.importJson(JSON.parse(JSON.stringify({ employees: grown })) as unknown, SEED_ACTOR, 'seed');
    this.logger.log(`demo SKP round: ${grown.length} employees received the ratings of ${this.today().slice(0, 4)}`);
    return grown.length;
  }
}
