import { IntegrityError } from '../src/errors';

/** The IntegrityError code `run` throws, `no error`, or `unexpected …` for any other failure (tests only). */
export function codeOf(run: () => unknown): string {
  try {
    run();
    return 'no error';
  } catch (error: unknown) {
    return error instanceof IntegrityError ? error.code : `unexpected ${String(error)}`;
  }
}
