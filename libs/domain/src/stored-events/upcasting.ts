/**
 * An event as a reader gets it from the store: an explicit versioned type name and JSON data and metadata. The event
 * store's `RecordedEvent` is one (it adds the stream, revision, position and hash chain).
 */
export interface StoredEvent {
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly metadata: Readonly<Record<string, unknown>>;
}

/**
 * Maps one stored version of an event type to the next (`DocumentAttached.v1` → `.v2`). Stored events are never
 * rewritten: old versions are upcast on every read, so the bytes the hash chain and the ledger hold stay as stored.
 */
export interface Upcaster {
  readonly fromType: string;
  readonly toType: string;
  upcast(data: Readonly<Record<string, unknown>>): Record<string, unknown>;
}

/** Applies upcasters until the event reaches its newest version; the rest of the event (stream, hashes) is kept. */
export function upcast<E extends Pick<StoredEvent, 'type' | 'data'>>(event: E, upcasters: readonly Upcaster[]): E {
  let current = event;
  for (let guard = 0; guard < 100; guard += 1) {
    const next = upcasters.find((u) => u.fromType === current.type);
    if (!next) return current;
    current = { ...current, type: next.toType, data: next.upcast(current.data) };
  }
  throw new Error(`upcaster loop for ${event.type}`);
}

/** Domain data as the JSON object a store keeps (a shallow copy: the data types are plain readonly JSON already). */
export function storedData(data: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data));
}
