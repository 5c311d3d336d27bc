import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { TOPICS } from '@mutasi/messaging';
import { readRepoFile, scannedFiles } from './doc-links';

/**
 * docs/integration-events/asyncapi.yaml describes the Kafka topics: an AsyncAPI 3 document whose channels are the
 * code's topics (partitions and retention as created), whose messages are the published JSON Schemas, every one of
 * them, and whose references all resolve.
 */

const DIR = join(__dirname, '..', '..', 'docs', 'integration-events');
const FILE = join(DIR, 'asyncapi.yaml');
type Json = Record<string, unknown>;

/** Every `$ref` in a parsed document, with the path where it stands. */
function refsIn(node: unknown, at = '#'): { at: string; ref: string }[] {
  if (Array.isArray(node)) return node.flatMap((n, i) => refsIn(n, `${at}/${i}`));
  if (node === null || typeof node !== 'object') return [];
  return Object.entries(node as Json).flatMap(([k, v]) => (k === '$ref' && typeof v === 'string' ? [{ at, ref: v }] : refsIn(v, `${at}/${k}`)));
}

/** The value at a JSON pointer (`/a/b~1c`), or undefined. */
function atPointer(doc: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Json)[key] : undefined), doc);
}

/** Why a reference does not resolve from a document at `file`, or null. */
function unresolved(doc: unknown, file: string, ref: string): string | null {
  const [path, fragment] = ref.split('#') as [string, string | undefined];
  const target = path === '' ? doc : existsSync(join(dirname(file), path)) ? (JSON.parse(readFileSync(join(dirname(file), path), 'utf8')) as unknown) : undefined;
  if (target === undefined) return `${ref}: no file ${path}`;
  return fragment && atPointer(target, fragment) === undefined ? `${ref}: nothing at #${fragment}` : null;
}

const doc = parse(readFileSync(FILE, 'utf8')) as Json;
const channels = doc.channels as Record<string, Json>;
const messages = (doc.components as Json).messages as Record<string, Json>;
const schemaFiles = readdirSync(DIR).filter((f) => f.endsWith('.schema.json'));

describe('the reference check of the AsyncAPI spec', () => {
  it('resolves pointers into the document and into the schema files, and names what does not resolve', () => {
    const fake = { components: { messages: { CaseOpened: { title: 'x' } } } };
    expect(unresolved(fake, FILE, '#/components/messages/CaseOpened')).toBeNull();
    expect(unresolved(fake, FILE, './mutasi.transfer.CaseOpened.v1.schema.json#/properties/caseId')).toBeNull();
    expect(unresolved(fake, FILE, '#/components/messages/CaseClosed')).toBe('#/components/messages/CaseClosed: nothing at #/components/messages/CaseClosed');
    expect(unresolved(fake, FILE, './mutasi.transfer.Missing.v1.schema.json')).toBe('./mutasi.transfer.Missing.v1.schema.json: no file ./mutasi.transfer.Missing.v1.schema.json');
    expect(refsIn({ a: [{ $ref: '#/x' }], b: { $ref: './y.json' } })).toEqual([
      { at: '#/a/0', ref: '#/x' },
      { at: '#/b', ref: './y.json' },
    ]);
  });
});

describe('docs/integration-events/asyncapi.yaml', () => {
  it('is an AsyncAPI 3 document', () => {
    expect(String(doc.asyncapi)).toMatch(/^3\.\d+\.\d+$/);
    expect(doc.info).toEqual(expect.objectContaining({ title: expect.any(String), version: expect.any(String) }));
  });

  it('has one channel per topic of the code, with its partitions and retention', () => {
    const byAddress = new Map(Object.values(channels).map((c) => [c.address, c]));
    expect([...byAddress.keys()].sort()).toEqual(
      Object.values(TOPICS)
        .map((t) => t.name)
        .sort(),
    );
    for (const topic of Object.values(TOPICS)) {
      const kafka = ((byAddress.get(topic.name) as Json).bindings as Json).kafka as Json;
      const config = kafka.topicConfiguration as Json;
      expect({ topic: topic.name, partitions: kafka.partitions, retention: String(config['retention.ms']) }).toEqual({
        topic: topic.name,
        partitions: topic.partitions,
        retention: topic.config['retention.ms'],
      });
    }
  });

  it('references every published JSON Schema, each from the message named after its title', () => {
    const referenced = refsIn(doc).map((r) => r.ref.replace(/^\.\//, '').split('#')[0]);
    expect(schemaFiles.filter((f) => !referenced.includes(f))).toEqual([]);
    for (const message of Object.values(messages)) {
      const ref = ((message.payload as Json).schema as Json).$ref as string;
      const schema = JSON.parse(readFileSync(join(DIR, ref), 'utf8')) as Json;
      expect({ ref, name: message.name }).toEqual({ ref, name: schema.title });
    }
    expect(Object.keys(messages)).toHaveLength(schemaFiles.length);
  });

  it('resolves every $ref', () => {
    const refs = refsIn(doc);
    expect(refs.length).toBeGreaterThan(schemaFiles.length * 3);
    expect(refs.map((r) => unresolved(doc, FILE, r.ref)).filter((p) => p !== null)).toEqual([]);
  });

  it('names the record headers the relay writes', () => {
    const headers = ((doc.components as Json).schemas as Json).TransferEventHeaders as Json;
    const code = scannedFiles()
      .filter((f) => /^libs\/[a-z-]+\/src\/.*\.ts$/.test(f) && !f.endsWith('.spec.ts'))
      .map((f) => readRepoFile(f) ?? '')
      .join('\n');
    const names = Object.keys(headers.properties as Json);
    expect(names).toEqual(expect.arrayContaining(headers.required as string[]));
    expect(names.filter((h) => !code.includes(`'${h}'`) && !code.includes(`${h}:`) && !code.includes(`.${h}`))).toEqual([]);
  });
});
