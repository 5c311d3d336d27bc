import type { DocumentStatement } from '../transfer-case/documents';
import type { Upcaster } from './upcasting';

/**
 * `DocumentAttached.v1` as it was stored until the event went to v2: the hash was `sha256` (of what, the name did not
 * say) and `statement` was absent on documents attached before statements existed. Kept to document the upcaster.
 */
export type DocumentAttachedV1Data = {
  readonly documentId: string;
  readonly kind: string;
  readonly title: string;
  readonly sha256: string;
  readonly agencyId: string;
  readonly statement?: DocumentStatement | null;
};

/**
 * v1 → v2: `sha256` is `documentSha256` (as on `DecreeIssued`: the hash of the document's file), and `statement` is
 * explicit, null when the document states nothing. Every other field is as it was.
 */
const documentAttachedV2: Upcaster = {
  fromType: 'DocumentAttached.v1',
  toType: 'DocumentAttached.v2',
  upcast: ({ sha256, statement, ...rest }) => ({ ...rest, documentSha256: sha256, statement: statement ?? null }),
};

/** Old versions of the transfer-case events, mapped on every read (docs/architecture.md, "Event envelope"). */
export const TRANSFER_UPCASTERS: readonly Upcaster[] = [documentAttachedV2];
