import { readRepoFile, scannedFiles } from './doc-links';

/**
 * docs/domain.md §6 is the table of every rule, kept equal to the code: every rule id the libraries use is a row,
 * every row is a rule the code knows, and every verdict a rule can give (BLOCK, FLAG, REQUIRES_STEP) is in its kind
 * (V, F, A). The code is read as text: the ids in libs/<lib>/src, the verdicts in `outcome('<id>', …)` and
 * `ruleRefused('<id>', …)`.
 */

const VERDICT_KIND = { BLOCK: 'V', FLAG: 'F', REQUIRES_STEP: 'A' } as const;

interface RuleRow {
  readonly id: string;
  readonly what: string;
  readonly kind: string;
  readonly source: string;
  readonly status: string;
}

/** The rule ids a set of source texts use: R-xx, M-xx, S-xx anywhere, and any other id an outcome is given. */
function ruleIdsIn(texts: readonly string[]): Set<string> {
  const ids = new Set<string>();
  for (const text of texts) {
    for (const m of text.matchAll(/\b[RMS]-\d{2}\b/g)) ids.add(m[0]);
    for (const m of text.matchAll(/(?:\boutcome\(|\bruleRefused\(|\bruleId: )'([A-Z][A-Z0-9-]*)'/g)) ids.add(m[1] as string);
  }
  return ids;
}

/** The kinds (V, F, A) the outcomes and refusals in the texts give each rule id. */
function kindsIn(texts: readonly string[]): Map<string, Set<string>> {
  const kinds = new Map<string, Set<string>>();
  const add = (id: string, kind: string): void => void kinds.set(id, (kinds.get(id) ?? new Set()).add(kind));
  for (const text of texts) {
    for (const m of text.matchAll(/\boutcome\('([A-Z][A-Z0-9-]*)', ([^,]+),/g)) {
      for (const [verdict, kind] of Object.entries(VERDICT_KIND)) if ((m[2] as string).includes(`'${verdict}'`)) add(m[1] as string, kind);
    }
    for (const m of text.matchAll(/\bruleRefused\('([A-Z][A-Z0-9-]*)'/g)) add(m[1] as string, 'V');
  }
  return kinds;
}

/** The rows of the rule table in section 6 of a domain document. */
function rulesTable(markdown: string): RuleRow[] {
  const section = markdown.split(/^## /m).find((s) => s.startsWith('6. ')) ?? '';
  return section.split('\n').flatMap((line) => {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 7 || !/^[A-Z][A-Z0-9-]+$/.test(cells[1] as string)) return [];
    const [, id, what, kind, source, status] = cells as [string, string, string, string, string, string];
    return [{ id, what, kind, source, status }];
  });
}

/** What the table misses or says wrongly, given the code's ids and kinds. */
function tableProblems(rows: readonly RuleRow[], ids: ReadonlySet<string>, kinds: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const problems = [...ids].filter((id) => !byId.has(id)).map((id) => `${id}: used in the code, no row in docs/domain.md §6`);
  problems.push(...rows.filter((r) => !ids.has(r.id)).map((r) => `${r.id}: documented, unknown to the code`));
  for (const [id, expected] of kinds) {
    const row = byId.get(id);
    for (const kind of expected) if (row && !row.kind.split(/[^A-Z]+/).includes(kind)) problems.push(`${id}: the code gives ${kind}, the kind says "${row.kind}"`);
  }
  problems.push(...rows.filter((r) => !r.what || !r.source || !r.status).map((r) => `${r.id}: a row needs what it checks, its source and its status`));
  return problems;
}

const FAKE_TABLE =
  '## 6. Rules\n\n| Id | What | Kind | Source | Status |\n|---|---|---|---|---|\n| R-21 | the ten-year lock | V/F | PermenPAN-RB 6/2024 | in force |\n\n## 7. Next\n| R-99 | elsewhere | V | x | y |\n';

describe('the rule-table check', () => {
  it('reads the ids and kinds of the code and the rows of section 6 only', () => {
    const code = [
      "outcome('R-21', 'BLOCK', 'locked', basis, {})",
      "outcome('R-21', flagged ? 'FLAG' : 'PASS', 'x', basis, {})",
      "throw ruleRefused('R-32', 'CODE', 'late', basis)",
    ];
    expect([...ruleIdsIn(code)].sort()).toEqual(['R-21', 'R-32']);
    expect(kindsIn(code)).toEqual(
      new Map([
        ['R-21', new Set(['V', 'F'])],
        ['R-32', new Set(['V'])],
      ]),
    );
    expect(rulesTable(FAKE_TABLE)).toEqual([{ id: 'R-21', what: 'the ten-year lock', kind: 'V/F', source: 'PermenPAN-RB 6/2024', status: 'in force' }]);
  });

  it('accepts a table that covers the code, and names a rule missing, unknown, or of another kind', () => {
    const rows = rulesTable(FAKE_TABLE);
    expect(tableProblems(rows, new Set(['R-21']), new Map([['R-21', new Set(['V', 'F'])]]))).toEqual([]);
    expect(tableProblems(rows, new Set(['R-21', 'R-32']), new Map())).toEqual(['R-32: used in the code, no row in docs/domain.md §6']);
    expect(tableProblems(rows, new Set<string>(), new Map())).toEqual(['R-21: documented, unknown to the code']);
    expect(tableProblems(rows, new Set(['R-21']), new Map([['R-21', new Set(['A'])]]))).toEqual(['R-21: the code gives A, the kind says "V/F"']);
  });
});

describe('every rule of the code is documented in docs/domain.md §6', () => {
  const sources = scannedFiles().filter((f) => /^libs\/[a-z-]+\/src\/.*\.ts$/.test(f) && !f.endsWith('.spec.ts'));
  const texts = sources.map((f) => readRepoFile(f) ?? '');
  const rows = rulesTable(readRepoFile('docs/domain.md') ?? '');

  it('with what it checks, its kind as the code decides it, its source and status', () => {
    expect(sources.length).toBeGreaterThan(50);
    expect(rows.length).toBeGreaterThan(40);
    expect(tableProblems(rows, ruleIdsIn(texts), kindsIn(texts))).toEqual([]);
  });
});
