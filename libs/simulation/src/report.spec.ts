import { bar } from './generate/generate-phase';
import { memoryReport } from './memory';
import { flatChecks } from './report';

const MIB = 1024 * 1024;
const probe = (ms: number) => ({ storeEvents: 0, appendP50: ms, appendP99: ms, commandP50: ms, commandP99: ms, readP50: ms, readP99: ms });

describe('simulation report', () => {
  it('a latency is flat at size up to 1.5× the empty store, and not above', () => {
    expect(flatChecks(probe(2), probe(3)).every((c) => c.flat)).toBe(true);
    expect(flatChecks(probe(2), probe(3.2)).some((c) => c.flat)).toBe(false);
  });

  it('memory grows when the heap of the last quarter of the work peaks well above the first quarter, not for noise or an RSS left high by earlier work', () => {
    const flat = Array.from({ length: 100 }, (_, i) => ({ work: i, rss: 900 * MIB, heap: (300 + (i % 7)) * MIB }));
    expect(memoryReport(flat).grows).toBe(false);
    // Work 0…99: the first quarter ends at work 24, the last quarter is 75…99.
    const growing = Array.from({ length: 100 }, (_, i) => ({ work: i, rss: 900 * MIB, heap: (300 + i * 5) * MIB }));
    expect(memoryReport(growing)).toMatchObject({ grows: true, earlyMiB: 300 + 24 * 5, lateMiB: 300 + 99 * 5 });
  });

  it('draws the progress bar for the fraction done', () => {
    expect(bar(0, 4)).toBe('[----]');
    expect(bar(0.5, 4)).toBe('[##--]');
    expect(bar(1.2, 4)).toBe('[####]');
  });
});
