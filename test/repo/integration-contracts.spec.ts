import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { schemaDocuments } from '@mutasi/messaging';
import { TRANSFER_EVENT_TYPES } from '@mutasi/domain';

const DOCS = join(__dirname, '..', '..', 'docs', 'integration-events');

describe('published integration-event contracts (docs/integration-events)', () => {
  it('match the contracts in code — run `npm run docs:schemas` after changing them', () => {
    const expected = schemaDocuments();
    expect(
      readdirSync(DOCS)
        .filter((f) => f.endsWith('.schema.json'))
        .sort(),
    ).toEqual(Object.keys(expected).sort());
    // Beside the schemas only the AsyncAPI document that references them (test/repo/asyncapi.spec.ts).
    expect(readdirSync(DOCS).filter((f) => !f.endsWith('.schema.json'))).toEqual(['asyncapi.yaml']);
    for (const [name, text] of Object.entries(expected)) expect({ name, text: readFileSync(join(DOCS, name), 'utf8') }).toEqual({ name, text });
  });

  it('cover every domain event of a case: one integration type each', () => {
    const integrationTypes = Object.keys(schemaDocuments()).filter((n) => n.startsWith('mutasi.transfer.'));
    expect(integrationTypes).toHaveLength(TRANSFER_EVENT_TYPES.length);
  });
});
