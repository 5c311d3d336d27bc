import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { DocReference, existsInRepo, findDocReferences, markdownLinkTargets, problemOf, readRepoFile, ROOT, scannedFiles, targetOf } from './doc-links';

/**
 * Every reference to a document, in code and in docs, resolves inside this repository: the file exists, and the
 * section it names (`#anchor`, `§6`, `"Heading"`) is a heading of that file. Conventions in doc-links.ts: from a
 * Markdown file relative to it, from anything else relative to the repository root.
 */

const ownFile = relative(ROOT, __filename).split(sep).join('/');
const files = scannedFiles().filter((f) => f !== ownFile);
const texts = new Map(files.map((f) => [f, readRepoFile(f) ?? '']));

/** A reading function over a fake repository, for the matcher's own tests. */
function fakeRepo(docs: Record<string, string>): (path: string) => string | null {
  return (path) => docs[path] ?? null;
}

const FAKE_DOCS = {
  'docs/domain.md': '# Domain\n\n## 6. Rules\n\n## Offices and persons\n\n**Oversight.** BKN.\n',
  'docs/api.md': '# HTTP contract\n\n## Conventions\n```\n# not a heading\n```\n',
};

function only(from: string, text: string): DocReference {
  const refs = findDocReferences(from, text);
  expect(refs).toHaveLength(1);
  return refs[0] as DocReference;
}

describe('the matcher of document references', () => {
  it('finds a path with its section, and leaves URLs and globs alone', () => {
    expect(only('libs/x.ts', '/** see docs/domain.md §6 */')).toEqual({ from: 'libs/x.ts', line: 1, path: 'docs/domain.md', sectionNumber: '6' });
    expect(only('libs/x.ts', '\'the list of docs/api.md, "Conventions"\'')).toMatchObject({ path: 'docs/api.md', quotedHeading: 'Conventions' });
    expect(only('docs/a.md', 'see [api](api.md#conventions).')).toMatchObject({ path: 'api.md', anchor: 'conventions' });
    expect(findDocReferences('docs/a.md', 'from https://github.com/o/r/blob/main/README.md and every *.md file')).toEqual([]);
  });

  it('resolves from a Markdown file relative to it, from code relative to the root', () => {
    expect(targetOf({ from: 'docs/decisions/0001-x.md', path: '../domain.md' })).toBe('docs/domain.md');
    expect(targetOf({ from: 'libs/domain/src/x.ts', path: 'docs/domain.md' })).toBe('docs/domain.md');
  });

  it('accepts references that resolve, with their sections', () => {
    const read = fakeRepo(FAKE_DOCS);
    for (const text of ['docs/domain.md §6', 'docs/domain.md, "Offices and persons"', 'docs/domain.md, "Oversight"', 'docs/api.md, "Conventions"'])
      expect(problemOf(only('libs/x.ts', text), read)).toBeNull();
    expect(problemOf(only('docs/x.md', '[a](api.md#conventions)'), read)).toBeNull();
  });

  it('fails a broken reference: a missing file, section, anchor or quoted heading, a path outside the repository', () => {
    const read = fakeRepo(FAKE_DOCS);
    expect(problemOf(only('libs/x.ts', 'docs/merit.md'), read)).toContain('docs/merit.md does not exist');
    expect(problemOf(only('libs/x.ts', 'docs/domain.md §9'), read)).toContain('no section numbered so');
    expect(problemOf(only('docs/x.md', '[a](api.md#audit)'), read)).toContain('no such heading');
    expect(problemOf(only('libs/x.ts', 'docs/api.md, "Audit"'), read)).toContain('no heading starts so');
    expect(problemOf(only('libs/x.ts', '(../shared/docs/domain.md)'), read)).toContain('outside the repository');
    expect(problemOf(only('docs/x.md', 'docs/api.md'), read)).toContain('docs/docs/api.md does not exist');
  });

  it('does not take a line inside a code block for a heading', () => {
    expect(problemOf(only('libs/x.ts', 'docs/api.md, "Not a heading"'), fakeRepo(FAKE_DOCS))).toContain('no heading starts so');
  });
});

describe('document references in this repository', () => {
  const refs = [...texts].flatMap(([file, text]) => findDocReferences(file, text));

  it('are found (the scan reads code and docs)', () => {
    expect(refs.length).toBeGreaterThan(100);
    expect(refs.some((r) => r.from.startsWith('libs/') && r.sectionNumber !== undefined)).toBe(true);
  });

  it('each resolve to an existing file of the repository, with the section they name', () => {
    expect(refs.map((r) => problemOf(r, readRepoFile)).filter((p) => p !== null)).toEqual([]);
  });

  it('each Markdown link to a folder, schema or file resolves too', () => {
    const broken = [...texts]
      .filter(([f]) => f.endsWith('.md'))
      .flatMap(([file, text]) =>
        markdownLinkTargets(text)
          .map((l) => ({ ...l, file, target: relative(ROOT, resolve(ROOT, dirname(file), l.target.split('#')[0] as string)) }))
          .filter((l) => !existsInRepo(l.target))
          .map((l) => `${l.file}:${l.line} → ${l.target}`),
      );
    expect(broken).toEqual([]);
  });

  it('none points to ../shared or elsewhere outside the repository (in docs: no relative path leaves it)', () => {
    const outside: string[] = [];
    for (const [file, text] of texts) {
      const relativePaths = file.endsWith('.md') ? /(?:\.\.\/)+[\w.-][\w./-]*/g : /(?:\.\.\/)+shared\b[\w./-]*/g;
      text.split('\n').forEach((line, index) => {
        for (const m of line.matchAll(relativePaths)) {
          const target = resolve(ROOT, dirname(file), m[0]);
          const inside = !relative(ROOT, target).startsWith('..');
          const found = ['', '.ts', '.tsx', '.js', '/index.ts'].some((ext) => existsSync(`${target}${ext}`));
          if (!inside || !found) outside.push(`${file}:${index + 1} → ${m[0]}`);
        }
      });
    }
    expect(outside).toEqual([]);
    expect(existsSync(join(ROOT, 'docs'))).toBe(true);
  });
});
