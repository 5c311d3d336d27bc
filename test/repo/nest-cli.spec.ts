import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** nest-cli.json (Nest monorepo mode) names every app and lib of the tree, with the entry file each really has. */
describe('nest-cli.json', () => {
  const ROOT = join(__dirname, '..', '..');
  const cli = JSON.parse(readFileSync(join(ROOT, 'nest-cli.json'), 'utf8')) as { monorepo: boolean; projects: Record<string, { type: string; root: string; entryFile: string; sourceRoot: string }> };

  it('is in monorepo mode and lists exactly the folders of apps/ and libs/', () => {
    expect(cli.monorepo).toBe(true);
    const folders = [...readdirSync(join(ROOT, 'apps')).map((a) => `apps/${a}`), ...readdirSync(join(ROOT, 'libs')).map((l) => `libs/${l}`)].sort();
    expect(Object.values(cli.projects).map((p) => p.root).sort()).toEqual(folders);
  });

  it('points each project at an entry file that exists', () => {
    for (const [name, p] of Object.entries(cli.projects)) {
      const entry = join(ROOT, p.sourceRoot, `${p.entryFile}.ts`);
      expect({ name, type: p.type, entry: readFileSync(entry, 'utf8').length > 0 }).toEqual({ name, type: p.root.startsWith('apps/') ? 'application' : 'library', entry: true });
    }
  });
});
