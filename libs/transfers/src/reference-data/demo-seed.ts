import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { buildDemoData, demoPlans, skpRound } from '@mutasi/demo-data';
import { Actor, toDate } from '@mutasi/domain';
import { Clock } from '@mutasi/platform';
import { ReferenceDataImporter } from '../import/import.service';
import { ReferenceData } from './reference-data';

const SEED_ACTOR: Actor = { userId: 'system:demo-seed', name: 'Mutasi demo data', role: 'SYSTEM', agencyId: 'system' };

/** The standalone demo data: loaded once into an empty database, then kept current as the demo clock moves. */
@Injectable()
export class DemoData {
  private readonly logger = new Logger('DemoData');

  constructor(
    private readonly db: DataSource,
    private readonly importer: ReferenceDataImporter,
    private readonly refs: ReferenceData,
    private readonly clock: Clock,
  ) {}

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

  /**
   * The demo's yearly round when its clock enters a new year: the SKP ratings the records lack, and each agency's
   * mutation plan for the year (a planned move into every position whose ABK shows a deficit), imported.
   */
  async yearlyRound(): Promise<number> {
    const year = Number(this.today().slice(0, 4));
    const employees = await this.refs.allEmployees();
    const grown = skpRound(employees, this.today());
    const planned = await this.refs.mutationPlans(null, year);
    const agencies = await this.refs.allAgencies();
    const positions = planned.length > 0 ? [] : await this.refs.positionsOfAgencies(agencies.map((a) => a.id));
    const plans = demoPlans(positions, new Map(agencies.map((a) => [a.id, a.name])), year);
    if (grown.length === 0 && plans.length === 0) return 0;
    await this.importer.importJson(
      JSON.parse(JSON.stringify({ ...(grown.length > 0 ? { employees: grown } : {}), ...(plans.length > 0 ? { mutationPlans: plans } : {}) })) as unknown,
      SEED_ACTOR,
      'seed',
    );
    if (grown.length > 0) this.logger.log(`demo SKP round: ${grown.length} employees received the ratings up to ${year - 1}`);
    if (plans.length > 0) this.logger.log(`demo mutation plans of ${year}: ${plans.length} agencies`);
    return grown.length + plans.length;
  }
}
