import { NATIONAL_CASES, parseArguments, QUICK_CASES } from './arguments';

describe('npm run simulate arguments', () => {
  it('defaults to a quick run, and --national to a national year', () => {
    expect(parseArguments([])).toEqual({ cases: QUICK_CASES, workers: undefined, seed: 1, concurrency: 8, fresh: false });
    expect(parseArguments(['--national', '--workers', '3', '--fresh'])).toEqual({ cases: NATIONAL_CASES, workers: 3, seed: 1, concurrency: 8, fresh: true });
    expect(parseArguments(['--cases', '250', '--seed', '9', '--concurrency', '16'])).toMatchObject({ cases: 250, seed: 9, concurrency: 16 });
  });

  it.each([
    [['--cases'], '--cases needs a whole number (got nothing)'],
    [['--cases', 'many'], '--cases needs a whole number (got many)'],
    [['--cases', '0'], '--cases must be from 1 to 50,000,000 (got 0)'],
    [['--workers', '65'], '--workers must be from 1 to 64 (got 65)'],
    [['--national', '--cases', '5'], '--national and --cases are two sizes: give one'],
    [['--agencies', '630'], 'unknown argument --agencies'],
  ])('%j is refused with what is wrong', (argv, message) => {
    expect(parseArguments(argv)).toBe(message);
  });
});
