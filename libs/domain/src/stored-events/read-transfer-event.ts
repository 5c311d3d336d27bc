import { TRANSFER_EVENT_TYPES, type TransferEvent, type TransferEventType } from '../transfer-case/events';
import { TRANSFER_UPCASTERS } from './transfer-upcasters';
import { type StoredEvent, upcast } from './upcasting';

const CURRENT = new Set<string>(TRANSFER_EVENT_TYPES);

/** True for the type name of a transfer-case event at its current version. */
export function isTransferEventType(type: string): type is TransferEventType {
  return CURRENT.has(type);
}

/**
 * THE way a stored event becomes a domain event: every old version upcast to the current one, then recognised by its
 * type name. Null for an event that is not a transfer-case event (a refusal, an import, a policy version, an unknown
 * type). Used by the command pipeline, the projections, the audit trail, the relay and the dashboard feed alike.
 *
 * The data is trusted as the decider wrote it: the store validated and hash-chained it on append; a reader that must
 * survive damaged events (the audit trail) reads them through {@link upcastStored} field by field instead.
 */
export function readTransferEvent(stored: StoredEvent): TransferEvent | null {
  const current = upcastStored(stored);
  if (!isTransferEventType(current.type)) return null;
  const event: { readonly type: TransferEventType; readonly data: object; readonly metadata: object } = { type: current.type, data: current.data, metadata: current.metadata };
  return event as TransferEvent;
}

/** A stored event at its current version (type and data upcast; everything else as stored). */
export function upcastStored<E extends Pick<StoredEvent, 'type' | 'data'>>(stored: E): E {
  return upcast(stored, TRANSFER_UPCASTERS);
}

/** The transfer events among stored ones, in order, each read by {@link readTransferEvent} (other types skipped). */
export function readTransferEvents(stored: readonly StoredEvent[]): TransferEvent[] {
  return stored.flatMap((e) => readTransferEvent(e) ?? []);
}
