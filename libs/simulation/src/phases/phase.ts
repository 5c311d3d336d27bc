/** What one phase of `npm run simulate` measured, as the report prints it. */
export interface PhaseResult {
  readonly name: string;
  /** Events the phase went through (generated, rebuilt, signed, relayed, exported, verified). */
  readonly events: number;
  readonly seconds: number;
  /** The highest resident set size seen in this phase, across the processes it ran (MiB). */
  readonly peakRssMiB: number;
  /** Disk the phase added: database growth, files written (bytes); null when it writes nothing to disk. */
  readonly diskBytes: number | null;
  /** Anything else worth a line (e.g. "bundle 1.2 GB, 312 cases, verified"). */
  readonly notes: readonly string[];
  /** True when the phase's memory grew with the events it went through (MemorySampler); the run then fails. */
  readonly memoryGrows?: boolean;
}

/** What every phase is given. */
export interface SimulationContext {
  readonly databaseUrl: string;
  /** A folder for the run's files (bundle, checkpoint, Kafka data); kept after the run. */
  readonly workDir: string;
  /** A line of output (phase start, result). */
  say(line: string): void;
  /** The one progress line, rewritten in place on a terminal. */
  progress(line: string): void;
}
