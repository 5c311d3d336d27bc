import { Pool } from 'pg';

export const MIB = 1024 * 1024;

/** The database's size on disk (bytes). */
export async function databaseBytes(pool: Pool): Promise<number> {
  return Number(((await pool.query('SELECT pg_database_size(current_database()) AS n')).rows[0] as { n: string }).n);
}

/** Events per second, rounded, for a progress line. */
export function rate(events: number, seconds: number): string {
  return Math.round(seconds > 0 ? events / seconds : 0).toLocaleString('en-US');
}
