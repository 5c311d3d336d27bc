import { CompactRange } from '@mutasi/integrity';

/**
 * The right edge of the ledger's tree rebuilt leaf by leaf (see {@link CompactRange}): enough to give the root of every
 * prefix, in memory proportional to log n.
 */
export class MerkleFrontier extends CompactRange {}
