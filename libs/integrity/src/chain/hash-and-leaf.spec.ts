import fc from 'fast-check';
import { computeEventHash, eventLeafData, hashAndLeaf } from './event-hash';

const json = fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown);

describe('hashAndLeaf: one canonicalisation for both hashes', () => {
  it('is byte-identical to computeEventHash and eventLeafData for any record', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.nat(),
        fc.uuid(),
        fc.string(),
        fc.dictionary(fc.string(), json),
        fc.dictionary(fc.string(), json),
        fc.option(fc.string({ minLength: 1 })),
        (streamId, revision, eventId, type, data, meta, hash) => {
          const metadata = { ...meta, prevHash: 'p', ...(hash === null ? {} : { hash }) };
          const record = { streamId, revision, eventId, type, data, metadata };
          const both = hashAndLeaf(record);
          expect(both.hash).toBe(computeEventHash(record));
          expect(both.leafData.equals(eventLeafData(record))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
