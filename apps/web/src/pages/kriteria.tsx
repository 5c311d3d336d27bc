import { useQuery } from '@tanstack/react-query';
import { get } from '../api/http';
import { ProblemView } from '../components/problem-view';

/** Kriteria: the merit criteria in force, readable by every ASN (the same function ranks the pool and checks M-01). */
export function KriteriaPage() {
  const merit = useQuery({ queryKey: ['merit'], queryFn: () => get<Record<string, unknown>>('/api/policies/current/merit') });
  return (
    <div className="page">
      <h1>Kriteria merit yang berlaku</h1>
      <ProblemView error={merit.error} />
      {merit.data ? <pre className="json" aria-label="Kriteria merit">{JSON.stringify(merit.data, null, 2)}</pre> : null}
    </div>
  );
}
