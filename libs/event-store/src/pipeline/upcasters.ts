import { RecordedEvent } from '../types';

/**
 * Maps one stored event version to the next (`CandidateProposed.v1` → `.v2`). Stored events are never rewritten:
 * old versions are upcast on every read.
 */
export interface Upcaster {
  readonly fromType: string;
  readonly toType: string;
  upcast(data: Readonly<Record<string, unknown>>): Record<string, unknown>;
}

/** Applies upcasters until the event reaches its newest version. */
export function upcast(event: RecordedEvent, upcasters: readonly Upcaster[]): RecordedEvent {
  let current = event;
  for (let guard = 0; guard < 100; guard += 1) {
    const next = upcasters.find((u) => u.fromType === current.type);
    if (!next) return current;
    current = { ...current, type: next.toType, data: next.upcast(current.data) };
  }
  throw new Error(`upcaster loop for ${event.type}`);
}
