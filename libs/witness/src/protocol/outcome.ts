/**
 * The answer to one `add-checkpoint`, before it becomes HTTP. Each refusal names its reason; the HTTP status of
 * each kind is in {@link OUTCOME_STATUS}.
 */
export type AddCheckpointOutcome =
  | { readonly kind: 'cosigned'; readonly cosignature: string; readonly treeSize: number }
  | { readonly kind: 'stale-old-size'; readonly latestSize: number; readonly reason: string }
  | { readonly kind: RefusalKind; readonly reason: string };

/** Refusals that carry only a reason. */
export type RefusalKind = 'malformed' | 'unknown-origin' | 'untrusted-signature' | 'old-size-too-large' | 'inconsistent-proof' | 'split-view';

/** HTTP status of each outcome, as c2sp.org/tlog-witness fixes them. */
export const OUTCOME_STATUS: Readonly<Record<AddCheckpointOutcome['kind'], number>> = {
  cosigned: 200,
  malformed: 400,
  'old-size-too-large': 400,
  'untrusted-signature': 403,
  'unknown-origin': 404,
  'stale-old-size': 409,
  'split-view': 409,
  'inconsistent-proof': 422,
};
