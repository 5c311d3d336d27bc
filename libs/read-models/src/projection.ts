import { EntityManager } from 'typeorm';
import { RecordedEvent } from '@mutasi/event-store';

/**
 * A read model fed from the event store. `apply` receives each event at most once per (stream, revision) — the
 * runner filters repeats — and runs inside the transaction that also moves the checkpoint, so rows and checkpoint
 * never disagree, even when the process is killed.
 */
export interface Projection {
  readonly name: string;
  /** Tables emptied by a rebuild from zero. */
  readonly tables: readonly string[];
  /**
   * False for a projection whose point is to hold every event (the ledger): an event it cannot apply stops it rather
   * than being quarantined and skipped. Default: quarantine and go on.
   */
  readonly quarantines?: boolean;
  /** Streams the projection reads (others are skipped without a call); default: every stream. */
  handles?(event: RecordedEvent): boolean;
  apply(events: readonly RecordedEvent[], tx: EntityManager): Promise<void>;
}
