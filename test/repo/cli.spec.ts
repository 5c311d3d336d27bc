import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** `npx mutasi …` as a process: usage, exit codes and messages on the right stream. */
function mutasi(...args: string[]) {
  return spawnSync(process.execPath, ['-r', join(ROOT, 'scripts', 'ts-register.js'), join(ROOT, 'apps', 'cli', 'src', 'main.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
}

describe('the mutasi command line', () => {
  it('prints its usage and exits 2 without a command', () => {
    const run = mutasi();
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('mutasi verify <bundle.json>');
  });

  it('verify: names the first failing place and exits 1 for a file that is not a bundle', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mutasi-cli-'));
    writeFileSync(join(dir, 'not-a-bundle.json'), JSON.stringify({ format: 'something-else' }));
    const run = mutasi('verify', join(dir, 'not-a-bundle.json'));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^FAILED at bundle/);
    const missing = mutasi('verify', join(dir, 'missing.json'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/cannot read .*missing\.json/);
  });
});
