import { isCaseStream } from '@mutasi/domain';

/**
 * The agencies a case names, which put it in their case lists (docs/completeness.md §3, "Agency case" entries): every
 * `targetAgencyId` and `originAgencyId` in the data of an event of a case stream (`transfer-…`). A case stays in an
 * agency's list once it named the agency, whatever it names later.
 */
export function caseAgenciesOf(streamId: string, data: unknown): string[] {
  if (!isCaseStream(streamId) || typeof data !== 'object' || data === null) return [];
  const record = data as Record<string, unknown>;
  return [record['targetAgencyId'], record['originAgencyId']].filter((v): v is string => typeof v === 'string' && v !== '' && !/[\u0000-\u001f]/.test(v));
}
