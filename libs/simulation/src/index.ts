/** libs/simulation: `npm run simulate`, a national year of mutasi through the command path, and what follows it. */
export * from './simulate';
export * from './phases/phase';
export { runGenerateWorker, type WorkerOptions } from './generate/generate-worker';
export * from './arguments';
export { generatePhase, prepareCheckpoint, SimulationRefused, type GenerateOptions } from './generate/generate-phase';
export { prepareDatabase } from './phases/setup';
export { probeLatencies } from './phases/probes';
