import { DataSource } from 'typeorm';
import { FollowerLags } from './follower-lags';
import { ScrapeGauge } from './metrics';

/** True when this process's database has `table` (each service migrates only its own tables). */
async function hasTable(db: DataSource, table: string): Promise<boolean> {
  const rows = (await db.query('SELECT to_regclass($1) IS NOT NULL AS present', [table])) as { present: boolean }[];
  return rows[0]?.present === true;
}

/** The scrape-time gauges of the lags, the scheduler's backlog and the ledger's unsigned tail. */
export function storeGauges(db: DataSource | undefined, lags: FollowerLags, today: () => string): ScrapeGauge[] {
  const byKind = (kind: 'projection' | 'relay') => async () => (await lags.read()).filter((l) => l.kind === kind).map((l) => ({ labels: { [kind]: l.name }, value: l.lag }));
  const gauges: ScrapeGauge[] = [
    {
      name: 'mutasi_projection_lag_events',
      help: "Events in the event store after the projection's checkpoint (the store's head minus where the projection stands)",
      labelNames: ['projection'],
      read: byKind('projection'),
    },
    {
      name: 'mutasi_relay_lag_events',
      help: "Events in the event store after the Kafka relay's checkpoint, not yet acknowledged by the broker",
      labelNames: ['relay'],
      read: byKind('relay'),
    },
  ];
  if (!db) return gauges;
  return [
    ...gauges,
    {
      name: 'mutasi_scheduler_backlog',
      help: "Due-date work that is due (today or earlier, by the server's clock) and not yet claimed by the scheduler",
      labelNames: [],
      read: async () => {
        if (!(await hasTable(db, 'due_work'))) return [];
        const rows = (await db.query("SELECT count(*)::int AS n FROM due_work WHERE status = 'PENDING' AND due_on <= $1", [today()])) as { n: number }[];
        return [{ labels: {}, value: rows[0]?.n ?? 0 }];
      },
    },
    {
      name: 'mutasi_ledger_unsigned_leaves',
      help: 'Ledger leaves not yet covered by a signed tree head (the leaves after the largest signed tree size)',
      labelNames: [],
      read: async () => {
        if (!(await hasTable(db, 'ledger_tree_heads'))) return [];
        const rows = (await db.query('SELECT (SELECT coalesce(max(leaf_index) + 1, 0) FROM ledger_leaves) - (SELECT coalesce(max(tree_size), 0) FROM ledger_tree_heads) AS n')) as {
          n: string;
        }[];
        return [{ labels: {}, value: Math.max(0, Number(rows[0]?.n ?? 0)) }];
      },
    },
  ];
}
