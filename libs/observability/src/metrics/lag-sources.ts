/** Something that follows the event store's global order from a checkpoint: a projection, or the Kafka relay. */
export interface LagSource {
  readonly kind: 'projection' | 'relay';
  readonly name: string;
  /** The position reached (an event-store global position as text). */
  checkpoint(): Promise<string>;
}

/**
 * The followers each process hosts, by the database handle they were built on (one per server): how the lag gauges
 * and readiness know which projections are this process's, without every worker class being wired to them.
 */
const hosted = new WeakMap<object, Map<string, LagSource>>();

/** Called by a projection runner or the relay when it is built on `db`. */
export function hostLagSource(db: object, source: LagSource): void {
  const sources = hosted.get(db) ?? new Map<string, LagSource>();
  sources.set(`${source.kind}:${source.name}`, source);
  hosted.set(db, sources);
}

/** The followers built on `db`, in the order they were built. */
export function lagSourcesOf(db: object): LagSource[] {
  return [...(hosted.get(db)?.values() ?? [])];
}
