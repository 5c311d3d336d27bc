import type { Upcaster } from './upcasting';

/**
 * `DocumentAttached` v1 → v2. v1 was stored as `{ documentId, kind, title, sha256, agencyId, statement? }`: the hash
 * was `sha256` (of what, the name did not say) and `statement` was absent on documents attached before statements
 * existed. In v2 `sha256` is `documentSha256` (as on `DecreeIssued`: the hash of the document's file), and
 * `statement` is explicit, null when the document states nothing. Every other field is as it was.
 */
const documentAttachedV2: Upcaster = {
  fromType: 'DocumentAttached.v1',
  toType: 'DocumentAttached.v2',
  upcast: ({ sha256, statement, ...rest }) => ({ ...rest, documentSha256: sha256, statement: statement ?? null }),
};

/** Old versions of the transfer-case events, mapped on every read (docs/architecture.md, "Event envelope"). */
export const TRANSFER_UPCASTERS: readonly Upcaster[] = [documentAttachedV2];
