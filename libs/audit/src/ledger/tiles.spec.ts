import { formatTileIndex, formatTilePath, parseTilePath, TilePathParse, tilesOfTree } from './tiles';

const parsed = (path: string): TilePathParse => parseTilePath(path);
const malformed = (path: string): boolean => {
  const result = parsed(path);
  return !result.ok && result.problem === 'MALFORMED';
};

describe('c2sp.org/tlog-tiles paths', () => {
  describe('the tile index as path elements', () => {
    it('writes 1234067 as x001/x234/067 and 5 as 005', () => {
      expect(formatTileIndex(1234067)).toBe('x001/x234/067');
      expect(formatTileIndex(5)).toBe('005');
      expect(formatTileIndex(0)).toBe('000');
      expect(formatTileIndex(999)).toBe('999');
      expect(formatTileIndex(1000)).toBe('x001/000');
      expect(formatTileIndex(1_000_000)).toBe('x001/x000/000');
    });

    it('refuses a negative or fractional index', () => {
      expect(() => formatTileIndex(-1)).toThrow(RangeError);
      expect(() => formatTileIndex(1.5)).toThrow(RangeError);
    });
  });

  describe('formatting a tile path', () => {
    it('names full tiles without a width and partial tiles with .p/<W>', () => {
      expect(formatTilePath({ kind: 'hash', level: 0, index: 1234067, width: 256 })).toBe('tile/0/x001/x234/067');
      expect(formatTilePath({ kind: 'hash', level: 1, index: 5, width: 44 })).toBe('tile/1/005.p/44');
      expect(formatTilePath({ kind: 'entries', index: 1234067, width: 3 })).toBe('tile/entries/x001/x234/067.p/3');
    });

    it('refuses a width of 0 or above 256', () => {
      expect(() => formatTilePath({ kind: 'hash', level: 0, index: 0, width: 0 })).toThrow(RangeError);
      expect(() => formatTilePath({ kind: 'hash', level: 0, index: 0, width: 257 })).toThrow(RangeError);
    });
  });

  describe('parsing a tile path', () => {
    it('reads full and partial hash tiles and entry bundles', () => {
      expect(parsed('tile/0/x001/x234/067')).toEqual({ ok: true, tile: { kind: 'hash', level: 0, index: 1234067, width: 256 } });
      expect(parsed('tile/0/005')).toEqual({ ok: true, tile: { kind: 'hash', level: 0, index: 5, width: 256 } });
      expect(parsed('tile/2/x001/000.p/255')).toEqual({ ok: true, tile: { kind: 'hash', level: 2, index: 1000, width: 255 } });
      expect(parsed('tile/63/000.p/1')).toEqual({ ok: true, tile: { kind: 'hash', level: 63, index: 0, width: 1 } });
      expect(parsed('tile/entries/x001/x234/067.p/7')).toEqual({ ok: true, tile: { kind: 'entries', index: 1234067, width: 7 } });
      expect(parsed('tile/entries/000')).toEqual({ ok: true, tile: { kind: 'entries', index: 0, width: 256 } });
    });

    it('reads back every path it writes', () => {
      for (const tile of [
        { kind: 'hash', level: 3, index: 987654321, width: 256 },
        { kind: 'hash', level: 0, index: 1000, width: 1 },
        { kind: 'entries', index: 42, width: 200 },
      ] as const) {
        expect(parsed(formatTilePath(tile))).toEqual({ ok: true, tile });
      }
    });

    it('refuses a level with leading zeros, above 63, or not a number', () => {
      for (const path of ['tile/00/000', 'tile/01/000', 'tile/64/000', 'tile/100/000', 'tile/-1/000', 'tile/a/000', 'tile//000', 'tile/+1/000'])
        expect({ path, malformed: malformed(path) }).toEqual({ path, malformed: true });
    });

    it('refuses a partial width of 0, of 256 or more, with leading zeros, or without a number', () => {
      for (const path of [
        'tile/0/000.p/0',
        'tile/0/000.p/256',
        'tile/0/000.p/300',
        'tile/0/000.p/05',
        'tile/0/000.p/',
        'tile/0/000.p',
        'tile/0/000.p/1/2',
        'tile/0/x001.p/5/234',
      ]) {
        expect({ path, malformed: malformed(path) }).toEqual({ path, malformed: true });
      }
    });

    it('refuses an index that is not zero-padded three-digit elements with x on all but the last', () => {
      const bad = [
        'tile/0/5',
        'tile/0/05',
        'tile/0/0005',
        'tile/0/001/234',
        'tile/0/x001/x234',
        'tile/0/x001',
        'tile/0/x1/234',
        'tile/0/X001/234',
        'tile/0/x000/005',
        'tile/0/x001/234/',
        'tile/0/%30%30%35',
        'tile/0/ 05',
      ];
      for (const path of bad) expect({ path, malformed: malformed(path) }).toEqual({ path, malformed: true });
    });

    it('refuses paths that are not tiles at all', () => {
      for (const path of ['', 'tile', 'tile/0', 'tiles/0/000', 'checkpoint', 'tile/entries', 'tile/data/000'])
        expect({ path, malformed: malformed(path) }).toEqual({ path, malformed: true });
    });

    it('calls a well-formed index past any ledger BEYOND (a 404, not a 400)', () => {
      expect(parsed('tile/0/x999/x999/x999/x999/x999/x999/999')).toMatchObject({ ok: false, problem: 'BEYOND' });
    });
  });

  describe('the tiles of a tree', () => {
    it('are the full tiles and one partial tile per level, W = floor(size / 256^l) mod 256', () => {
      expect(tilesOfTree(0)).toEqual([]);
      expect(tilesOfTree(5)).toEqual([{ kind: 'hash', level: 0, index: 0, width: 5 }]);
      expect(tilesOfTree(256)).toEqual([
        { kind: 'hash', level: 0, index: 0, width: 256 },
        { kind: 'hash', level: 1, index: 0, width: 1 },
      ]);
      expect(tilesOfTree(300)).toEqual([
        { kind: 'hash', level: 0, index: 0, width: 256 },
        { kind: 'hash', level: 0, index: 1, width: 44 },
        { kind: 'hash', level: 1, index: 0, width: 1 },
      ]);
      const large = tilesOfTree(256 * 256 * 2 + 256 * 3 + 7);
      expect(large.filter((t) => t.level === 0)).toHaveLength(256 * 2 + 3 + 1);
      expect(large.filter((t) => t.level === 1)).toEqual([
        { kind: 'hash', level: 1, index: 0, width: 256 },
        { kind: 'hash', level: 1, index: 1, width: 256 },
        { kind: 'hash', level: 1, index: 2, width: 3 },
      ]);
      expect(large.filter((t) => t.level === 2)).toEqual([{ kind: 'hash', level: 2, index: 0, width: 2 }]);
    });
  });
});
