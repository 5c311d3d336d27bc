import { ConfigError } from '@mutasi/platform';

/** The services start:distributed can run several processes of (stateless request handlers on one database). */
export type ReplicatedService = 'transfer-service' | 'dashboard-service';

/** How many processes of each replicated service to run, and the variable that sets it. */
export const REPLICA_VARIABLES: Readonly<Record<ReplicatedService, string>> = {
  'transfer-service': 'TRANSFER_REPLICAS',
  'dashboard-service': 'DASHBOARD_REPLICAS',
};

/** More than this on one machine only adds processes competing for the same cores and database connections. */
export const MAX_REPLICAS = 8;

/** The offsets up to the second witness (PORT + 6) are the default layout; further replicas come after it. */
const FIRST_EXTRA_OFFSET = 7;

export type ReplicaCounts = Readonly<Record<ReplicatedService, number>>;

/** One process of a replicated service: its name in the output (`transfer-service#2`) and its port's offset. */
export interface Replica {
  readonly service: ReplicatedService;
  /** 1 for the first process, which keeps the service's usual port (and, for transfer-service, seeds the demo). */
  readonly index: number;
  readonly name: string;
  readonly offset: number;
}

/** Reads TRANSFER_REPLICAS and DASHBOARD_REPLICAS (default 1 each); the error names every bad value. */
export function replicaCounts(env: NodeJS.ProcessEnv): ReplicaCounts {
  const problems: string[] = [];
  const count = (service: ReplicatedService): number => {
    const variable = REPLICA_VARIABLES[service];
    const raw = env[variable]?.trim() || '1';
    const n = Number(raw);
    if (Number.isInteger(n) && n >= 1 && n <= MAX_REPLICAS) return n;
    problems.push(`${variable} is how many ${service} processes to run: a whole number from 1 to ${MAX_REPLICAS} (got ${JSON.stringify(env[variable])})`);
    return 1;
  };
  const counts = { 'transfer-service': count('transfer-service'), 'dashboard-service': count('dashboard-service') };
  if (problems.length > 0) throw new ConfigError(problems);
  return counts;
}

/**
 * Every process of `service`, first to last. The first keeps the service's offset of the default layout (so one
 * replica each is the layout start:distributed always had); the others take PORT + 7 onwards, transfer-service's
 * before dashboard-service's, so the witnesses keep PORT + 5 and + 6. A single process keeps the service's own name.
 */
export function replicasOf(service: ReplicatedService, baseOffset: number, counts: ReplicaCounts): Replica[] {
  const before = service === 'dashboard-service' ? counts['transfer-service'] - 1 : 0;
  return Array.from({ length: counts[service] }, (_, i): Replica => {
    const index = i + 1;
    return {
      service,
      index,
      name: counts[service] === 1 ? service : `${service}#${index}`,
      offset: index === 1 ? baseOffset : FIRST_EXTRA_OFFSET + before + index - 2,
    };
  });
}

/** How many ports after PORT the layout takes: six (four services, two witnesses) and one per extra replica. */
export function portsAfterGateway(counts: ReplicaCounts): number {
  return FIRST_EXTRA_OFFSET - 1 + (counts['transfer-service'] - 1) + (counts['dashboard-service'] - 1);
}
