import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';

/**
 * Finds the references to documents in the repository's code and docs, and checks that each resolves (used by
 * doc-references.spec.ts and rules-documented.spec.ts).
 *
 * Convention: a reference written in a Markdown file is relative to that file (as Markdown links are); a reference
 * written anywhere else (comments, error texts, scripts, JSON) is relative to the repository root, so code writes
 * `docs/domain.md §6`. A section is named by a link anchor (`docs/api.md#conventions`), by number (`docs/domain.md §6`
 * is the heading `## 6. …`) or by its quoted heading (`docs/architecture.md, "Integrity"`: a heading, or the bold lead of
 * a paragraph or list item, that starts so).
 */

export const ROOT = resolve(__dirname, '..', '..');

const SKIPPED_DIRS = new Set(['node_modules', 'dist', '.data', '.git', 'reports', 'coverage', '.stryker-tmp']);
const SCANNED = new Set(['.ts', '.tsx', '.js', '.cjs', '.mjs', '.json', '.yml', '.yaml', '.md', '.html']);
const SKIPPED_FILES = new Set(['package-lock.json']);

/** Every file of the repository that may point to a document, relative to the root. */
export function scannedFiles(dir = ROOT): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) found.push(...scannedFiles(join(dir, entry.name)));
    } else if ((SCANNED.has(extname(entry.name)) || entry.name === 'Dockerfile') && !SKIPPED_FILES.has(entry.name)) {
      found.push(relative(ROOT, join(dir, entry.name)).split(sep).join('/'));
    }
  }
  return found;
}

/** A reference found in a file: the path as written, and the section it names, if any. */
export interface DocReference {
  readonly from: string;
  readonly line: number;
  readonly path: string;
  readonly anchor?: string;
  readonly sectionNumber?: string;
  readonly quotedHeading?: string;
}

// A path ending in .md, not part of a URL or of a longer path (`https://…/x.md` is not a reference into this repository).
const MD_PATH = /(?<![\w/.:@-])((?:\.{1,2}\/)*(?:[\w.-]+\/)*[\w-]+\.md)(?:#([\w-]+))?/g;
const NUMBERED = /^\)?\s?§\s?(\d+[a-z]?)/;
const QUOTED = /^\)?,? ?"([A-Z0-9][^"\n]{0,60})"/;
const MARKDOWN_LINK = /\]\(([^)\s]+)\)/g;

/** The document references in `text`, a file at `from` (relative to the root). */
export function findDocReferences(from: string, text: string): DocReference[] {
  const refs: DocReference[] = [];
  text.split('\n').forEach((lineText, index) => {
    for (const m of lineText.matchAll(MD_PATH)) {
      const rest = lineText.slice((m.index ?? 0) + m[0].length);
      // The label of a Markdown link (`[docs/api.md](docs/api.md)`) is text; its target is the reference.
      if (from.endsWith('.md') && /^`?\]\(/.test(rest)) continue;
      const numbered = NUMBERED.exec(rest)?.[1];
      const quoted = QUOTED.exec(rest)?.[1];
      refs.push({
        from,
        line: index + 1,
        path: m[1] as string,
        ...(m[2] ? { anchor: m[2] } : {}),
        ...(numbered ? { sectionNumber: numbered } : {}),
        ...(quoted ? { quotedHeading: quoted } : {}),
      });
    }
  });
  return refs;
}

/** The relative link targets of a Markdown file that are not documents (folders, schemas, code), with their line. */
export function markdownLinkTargets(text: string): { line: number; target: string }[] {
  const targets: { line: number; target: string }[] = [];
  text.split('\n').forEach((lineText, index) => {
    for (const m of lineText.matchAll(MARKDOWN_LINK)) {
      const target = m[1] as string;
      if (/^[a-z]+:/i.test(target) || target.startsWith('#') || /\.md(#|$)/.test(target)) continue;
      targets.push({ line: index + 1, target });
    }
  });
  return targets;
}

/** The headings of a Markdown text, outside fenced code blocks. */
export function headingsOf(markdown: string): string[] {
  return linesOutsideCode(markdown).flatMap((line) => /^#{1,6}\s+(.+?)\s*$/.exec(line)?.[1] ?? []);
}

/** The names of bold-led paragraphs and list items (`**Oversight.** …`, `7. **Projections**: …`), outside code. */
export function boldLeadsOf(markdown: string): string[] {
  return linesOutsideCode(markdown).flatMap((line) => /^(?:\s*(?:\d+\.|[-*])\s+)?\*\*([^*]+)\*\*/.exec(line)?.[1] ?? []);
}

function linesOutsideCode(markdown: string): string[] {
  let fenced = false;
  return markdown.split('\n').filter((line) => {
    if (line.startsWith('```')) fenced = !fenced;
    return !fenced && !line.startsWith('```');
  });
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
export function anchorOf(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}

/** Where a reference points, as a path relative to the root (it may lie outside the repository). */
export function targetOf(ref: Pick<DocReference, 'from' | 'path'>): string {
  const base = ref.from.endsWith('.md') ? dirname(ref.from) : '.';
  return relative(ROOT, resolve(ROOT, base, ref.path))
    .split(sep)
    .join('/');
}

/** What is wrong with a reference, or null when it resolves. `read` gives a repository file's text or null. */
export function problemOf(ref: DocReference, read: (path: string) => string | null): string | null {
  const where = `${ref.from}:${ref.line} → ${ref.path}`;
  const target = targetOf(ref);
  if (target.startsWith('..')) return `${where}: points outside the repository (${target})`;
  const text = read(target);
  if (text === null) return `${where}: ${target} does not exist`;
  const headings = headingsOf(text);
  if (ref.anchor && !headings.some((h) => anchorOf(h) === ref.anchor)) return `${where}#${ref.anchor}: no such heading in ${target}`;
  if (ref.sectionNumber && !headings.some((h) => h.startsWith(`${ref.sectionNumber}. `))) return `${where} §${ref.sectionNumber}: no section numbered so in ${target}`;
  const quoted = ref.quotedHeading?.toLowerCase();
  const named = [...headings, ...boldLeadsOf(text)].map((h) =>
    h
      .replace(/^\d+[a-z]?\.\s+/, '')
      .replace(/[`*]/g, '')
      .toLowerCase(),
  );
  if (quoted && !named.some((h) => h.startsWith(quoted))) return `${where} "${ref.quotedHeading}": no heading starts so in ${target}`;
  return null;
}

/** Reads a repository file, or null when there is none (a folder is not a document). */
export function readRepoFile(path: string): string | null {
  const full = join(ROOT, path);
  return existsSync(full) && statSync(full).isFile() ? readFileSync(full, 'utf8') : null;
}

/** Whether a path relative to the root exists (a file or a folder). */
export function existsInRepo(path: string): boolean {
  return !path.startsWith('..') && existsSync(join(ROOT, path));
}
