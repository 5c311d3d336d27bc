import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `npm ci` refuses a lock file that lacks an entry for any optional dependency, even one for another platform. The
 * registry this project is built against does not serve every platform's binaries, so `npm install` here can drop
 * those entries silently; this check catches it before CI does.
 */
describe('package-lock.json', () => {
  it('has an entry for every optional dependency of every locked package (npm ci accepts it)', () => {
    const lock = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { optionalDependencies?: Record<string, string> }>;
    };
    const missing: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      for (const name of Object.keys(entry.optionalDependencies ?? {})) {
        // Node resolution: the package's own node_modules, then each enclosing node_modules up to the root.
        const candidates: string[] = [];
        let dir = path;
        for (;;) {
          candidates.push(`${dir ? `${dir}/` : ''}node_modules/${name}`);
          const up = dir.lastIndexOf('/node_modules/');
          if (dir === '') break;
          dir = up === -1 ? '' : dir.slice(0, up);
        }
        if (!candidates.some((c) => lock.packages[c])) missing.push(`${path || '(root)'} → ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
