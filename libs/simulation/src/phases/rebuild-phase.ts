import { Pool } from 'pg';
import { PROJECTION_NAMES, rebuildProjection } from '@mutasi/standalone';
import { MemorySampler } from '../memory';
import { PhaseResult, SimulationContext } from './phase';
import { databaseBytes } from './measure';

/** Phase 2: every projection rebuilt from the whole store as a new generation (blue/green), one after another. */
export async function rebuildPhases(ctx: SimulationContext): Promise<PhaseResult[]> {
  const results: PhaseResult[] = [];
  const pool = new Pool({ connectionString: ctx.databaseUrl, max: 1 });
  try {
    for (const name of PROJECTION_NAMES) {
      const sampler = new MemorySampler();
      const before = await databaseBytes(pool);
      const startedAt = Date.now();
      let last = '';
      const events = await rebuildProjection(
        name,
        ctx.databaseUrl,
        (text) => {
          const line = text.replace(/[\r\n]+/g, ' ').trim();
          if (!line) return;
          const done = /^([\d,]+)/.exec(line);
          if (done) sampler.progress(Number((done[1] as string).replace(/,/g, '')));
          last = line;
          ctx.progress(`rebuild ${name}: ${line}`);
        },
        { fresh: true },
      );
      const memory = sampler.stop();
      results.push({
        name: `rebuild ${name}`,
        events,
        seconds: (Date.now() - startedAt) / 1000,
        peakRssMiB: memory.peakRssMiB,
        diskBytes: (await databaseBytes(pool)) - before,
        notes: [last],
        memoryGrows: memory.grows,
      });
    }
  } finally {
    await pool.end();
  }
  return results;
}
