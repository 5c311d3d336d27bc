import { useQuery } from '@tanstack/react-query';
import { Zone } from '../i18n/format';
import { api, ok } from './client';
import { Agency } from './types';

/** The agencies (reference data) by id: names for ids, and each agency's time zone for its dates. */
export function useAgencies(): Map<string, Agency> {
  const { data } = useQuery({ queryKey: ['agencies'], queryFn: () => ok(api.GET('/api/agencies')), staleTime: 300_000 });
  return new Map((data ?? []).map((a) => [a.id, a]));
}

export const zoneOf = (agencies: Map<string, Agency>, agencyId: string | null | undefined): Zone => (agencyId ? agencies.get(agencyId)?.timeZone : undefined) ?? 'WIB';
export const agencyName = (agencies: Map<string, Agency>, agencyId: string | null | undefined): string => (agencyId ? (agencies.get(agencyId)?.name ?? agencyId) : '—');
