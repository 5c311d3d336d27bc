import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleText, makeFixture } from '../../libs/integrity/test/bundle-fixture';

const ROOT = join(__dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'mutasi-cli-'));
const fixture = makeFixture();
const file = (name: string, text: string): string => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

/** `npx mutasi …` as a process: usage, exit codes and messages on the right stream. */
function mutasi(...args: string[]) {
  return spawnSync(process.execPath, ['-r', join(ROOT, 'scripts', 'ts-register.js'), join(ROOT, 'apps', 'cli', 'src', 'main.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
}

describe('the mutasi command line', () => {
  const intact = file('intact.jsonl', bundleText(fixture.caseBundle('other')));
  const key = ['--key', fixture.verifierKey];

  it('prints its usage and exits 2 without a command', () => {
    const run = mutasi();
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('mutasi verify <bundle.jsonl');
  });

  it('verify: exit 0 for an intact bundle, with a JSON report on --json', () => {
    const run = mutasi('verify', intact, ...key);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^OK: 6 events in 1 streams verified and complete for case other/);
    const json = mutasi('verify', intact, ...key, '--json');
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: true, checkedEvents: 6, missing: [], failures: [] });
  });

  it('verify: exit 1 for a truncated bundle, naming the missing revisions', () => {
    const lines = bundleText(fixture.caseBundle('other')).trimEnd().split('\n');
    const cut = [...lines.slice(0, -3), JSON.stringify({ end: { streams: 1, events: 4 } })].join('\n');
    const run = mutasi('verify', file('cut.jsonl', cut), ...key);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^INCOMPLETE at stream transfer-other: revisions 4–5 are missing/);
    expect(run.stderr).toContain('missing: transfer-other revisions 4–5');
  });

  it('verify: exit 2 for unusable input, saying what is wrong', () => {
    const cases: [string[], RegExp][] = [
      [[file('not-json.jsonl', '{nope'), ...key], /UNUSABLE: line 1 is not JSON/],
      [[file('other.jsonl', JSON.stringify({ format: 'something-else' })), ...key], /UNUSABLE: line 1 has format "something-else"/],
      [[join(dir, 'missing.jsonl'), ...key], /cannot read .*missing\.jsonl/],
      [[intact, ...key, '--frobnicate'], /unknown flag --frobnicate/],
      [[intact, ...key, '--tree-head'], /--tree-head needs a value/],
      [[intact], /give the log's verifier key with --key/],
      [[intact, ...key, '--witnesses', file('bad-policy.txt', '3 of nothing')], /witness/i],
    ];
    for (const [args, message] of cases) {
      const run = mutasi('verify', ...args);
      expect({ args: args.slice(-1), status: run.status }).toEqual({ args: args.slice(-1), status: 2 });
      expect(run.stderr).toMatch(message);
    }
  });

  it('verify: trusts the bundle’s own key only when told, and says so', () => {
    const run = mutasi('verify', intact, '--trust-bundle-key');
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^WARNING: trusting the verifier key the bundle carries/);
  });
});
