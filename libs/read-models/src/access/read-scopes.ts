import { DataSource } from 'typeorm';
import { Agency, readScope, Reader, ReadScope } from '@mutasi/domain';

const CACHE_MS = 30_000;

type AgencyRow = { id: string; kind: Agency['kind']; province_code: string | null; kanreg_agency_id: string; authority: Agency['authority'] | null; oversight: string | null };

/**
 * The one place every service asks what a reader may read (docs/access.md): the domain's `readScope` over the agency
 * directory (kinds, provinces, the BKN office serving each, the national oversight body).
 */
export class ReadScopes {
  private cache: { at: number; agencies: Agency[] } | null = null;

  constructor(private readonly db: DataSource) {}

  async of(reader: Reader): Promise<ReadScope> {
    return readScope(reader, await this.agencies());
  }

  private async agencies(): Promise<Agency[]> {
    if (this.cache && Date.now() - this.cache.at < CACHE_MS) return this.cache.agencies;
    const rows = (await this.db.query('SELECT id, kind, province_code, kanreg_agency_id, authority, oversight FROM agencies')) as AgencyRow[];
    const agencies = rows.map((r): Agency => ({
      id: r.id,
      name: r.id,
      kind: r.kind,
      provinceCode: r.province_code,
      kanregAgencyId: r.kanreg_agency_id,
      ppkStatus: 'DEFINITIF',
      headInaugurationDate: null,
      electionCalendar: null,
      ...(r.authority ? { authority: r.authority } : {}),
      ...(r.oversight === 'NATIONAL' ? { oversight: 'NATIONAL' as const } : {}),
    }));
    this.cache = { at: Date.now(), agencies };
    return agencies;
  }

  /** Forgets the directory (after an import in this process). */
  invalidate(): void {
    this.cache = null;
  }
}
