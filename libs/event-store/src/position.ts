/**
 * A position in the global order of the event store. Opaque to readers: compare with `<`, store as text. It
 * encodes a pair (commit, prepare) as two 20-digit decimals, so string order is numeric order:
 * KurrentDB's commit and prepare positions, or PostgreSQL's (transaction id, sequence).
 */
export type GlobalPosition = string & { readonly __brand: 'GlobalPosition' };

const WIDTH = 20;
const PATTERN = /^\d{20}:\d{20}$/;

/** The position before every event. */
export const START: GlobalPosition = positionOf(0n, 0n);

/** Encodes a (commit, prepare) pair. */
export function positionOf(commit: bigint, prepare: bigint): GlobalPosition {
  return `${commit.toString().padStart(WIDTH, '0')}:${prepare.toString().padStart(WIDTH, '0')}` as GlobalPosition;
}

/** Decodes a position into its (commit, prepare) pair. */
export function positionParts(position: GlobalPosition): { commit: bigint; prepare: bigint } {
  const [commit, prepare] = position.split(':');
  return { commit: BigInt(commit as string), prepare: BigInt(prepare as string) };
}

/** True for a string that is a well-formed position (for checkpoints read back from storage or a client). */
export function isGlobalPosition(value: unknown): value is GlobalPosition {
  return typeof value === 'string' && PATTERN.test(value);
}
