import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Bytes a directory's files occupy on disk: allocated blocks, like `du` (Kafka's preallocated, sparse index files count as written, not at their length). */
export async function diskUsage(path: string): Promise<number> {
  const stats = await lstat(path).catch(() => null);
  if (stats === null) return 0;
  if (!stats.isDirectory()) return stats.blocks * 512;
  let total = stats.blocks * 512;
  for (const name of await readdir(path)) total += await diskUsage(join(path, name));
  return total;
}
