import { inBatches } from '../src/batches';
import { RecordedEvent } from '../src/types';

const event = (n: number): RecordedEvent => ({ streamId: 's', revision: n }) as unknown as RecordedEvent;

async function* arriving(groups: number[][], gate: Promise<void>[]): AsyncGenerator<RecordedEvent> {
  for (const [i, group] of groups.entries()) {
    if (i > 0) await gate[i - 1];
    for (const n of group) yield event(n);
  }
}

describe('inBatches', () => {
  it('batches what has arrived, up to the maximum, and sends a later arrival on its own', async () => {
    let open: () => void = () => undefined;
    const later = new Promise<void>((resolve) => (open = resolve));
    const seen: number[][] = [];
    for await (const batch of inBatches(arriving([[0, 1, 2, 3, 4], [5]], [later]), 3)) {
      seen.push(batch.map((e) => e.revision));
      if (seen.length === 2) open();
    }
    expect(seen).toEqual([[0, 1, 2], [3, 4], [5]]);
  });

  it('closes the source when the consumer stops early', async () => {
    let closed = false;
    async function* source(): AsyncGenerator<RecordedEvent> {
      try {
        for (let n = 0; ; n += 1) yield event(n);
      } finally {
        closed = true;
      }
    }
    for await (const batch of inBatches(source(), 2)) {
      expect(batch).toHaveLength(2);
      break;
    }
    expect(closed).toBe(true);
  });
});
