import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/** Runs dependency-cruiser with the repository's rules on a small tree; returns its report. */
function cruise(files: Record<string, string>): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'mutasi-deps-'));
  try {
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@mutasi/domain': ['libs/domain/src'] } } }));
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    try {
      const tops = [...new Set(Object.keys(files).map((f) => f.split('/')[0] as string))];
      const output = execFileSync(join(root, 'node_modules', '.bin', 'depcruise'), [...tops, '--config', join(root, '.dependency-cruiser.cjs')], {
        cwd: dir,
        encoding: 'utf8',
        stdio: 'pipe',
      });
      return { ok: true, output };
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string };
      return { ok: false, output: `${String(e.stdout ?? '')}${String(e.stderr ?? '')}` };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('dependency rules (npm test runs them on the real tree)', () => {
  it('refuse libs/domain importing a framework', () => {
    const result = cruise({ 'libs/domain/src/index.ts': "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n" });
    expect(result.ok).toBe(false);
    expect(result.output).toContain('domain-depends-on-nothing');
  });

  it('refuse libs/witness importing a framework, accept Node built-ins and libs/integrity', () => {
    const refused = cruise({ 'libs/witness/src/index.ts': "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n" });
    expect(refused.ok).toBe(false);
    expect(refused.output).toContain('witness-only-node-and-integrity');
    const accepted = cruise({
      'libs/witness/src/index.ts': "import { createServer } from 'node:http';\nimport { i } from '../../integrity/src/i';\nexport const x = [createServer, i];\n",
      'libs/integrity/src/i.ts': 'export const i = 1;\n',
    });
    expect(accepted.output).not.toContain('error');
    expect(accepted.ok).toBe(true);
  });

  it('refuse an app importing another app', () => {
    const result = cruise({
      'apps/relay/src/main.ts': "import { y } from '../../audit-service/src/y';\nexport const x = y;\n",
      'apps/audit-service/src/y.ts': 'export const y = 1;\n',
    });
    expect(result.ok).toBe(false);
    expect(result.output).toContain('no-app-imports-another-app');
  });

  it('refuse a service lib importing another (dashboard → transfers), accept it importing a shared layer (messaging → domain)', () => {
    const refused = cruise({
      'libs/dashboard/src/feed.ts': "import { t } from '../../transfers/src/t';\nexport const x = t;\n",
      'libs/transfers/src/t.ts': 'export const t = 1;\n',
    });
    expect(refused.ok).toBe(false);
    expect(refused.output).toContain('service-libs-never-import-each-other');
    const accepted = cruise({
      'libs/dashboard/src/feed.ts': "import { m } from '../../messaging/src/m';\nexport const x = m;\n",
      'libs/messaging/src/m.ts': "import { d } from '../../domain/src/d';\nexport const m = d;\n",
      'libs/domain/src/d.ts': 'export const d = 1;\n',
    });
    expect(accepted.output).not.toContain('error');
    expect(accepted.ok).toBe(true);
  });

  it('refuse a shared layer importing a service lib (read-models → audit) and messaging importing read-models', () => {
    const upward = cruise({
      'libs/read-models/src/r.ts': "import { a } from '../../audit/src/a';\nexport const r = a;\n",
      'libs/audit/src/a.ts': 'export const a = 1;\n',
    });
    expect(upward.ok).toBe(false);
    expect(upward.output).toContain('shared-libs-never-import-service-libs');
    const sideways = cruise({
      'libs/messaging/src/m.ts': "import { r } from '../../read-models/src/r';\nexport const m = r;\n",
      'libs/read-models/src/r.ts': 'export const r = 1;\n',
    });
    expect(sideways.ok).toBe(false);
    expect(sideways.output).toContain('read-models-and-messaging-on-the-store');
  });

  it('accept an app importing a lib that imports the domain', () => {
    const result = cruise({
      'apps/relay/src/main.ts': "import { y } from '../../../libs/messaging/src/y';\nexport const x = y;\n",
      'libs/messaging/src/y.ts': "import { d } from '../../domain/src/d';\nexport const y = d;\n",
      'libs/domain/src/d.ts': 'export const d = 1;\n',
    });
    expect(result.output).not.toContain('error');
    expect(result.ok).toBe(true);
  });
});
