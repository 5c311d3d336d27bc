import { agencyCaseEntry, streamHeadEntry, type StreamHead } from './entries';
import { EntryTree } from './entry-tree';

/**
 * Derives both maps from the ledger's leaves in order: the head of every stream, and every (agency, case stream)
 * pair a case names. Which agencies a case names is the caller's rule (docs/completeness.md gives Mutasi's).
 */
export class MapBuilder {
  private readonly heads = new Map<string, StreamHead>();
  private readonly cases = new Set<string>();

  /** The next leaf of the ledger: it becomes its stream's head, and its stream joins each agency it names. */
  add(head: StreamHead, agencies: readonly string[] = []): void {
    this.heads.set(head.streamId, head);
    for (const agencyId of agencies) this.cases.add(agencyCaseEntry({ agencyId, streamId: head.streamId }));
  }

  streamHeads(): EntryTree {
    return EntryTree.sorted([...this.heads.values()].map(streamHeadEntry));
  }

  agencyCases(): EntryTree {
    return EntryTree.sorted([...this.cases]);
  }
}
