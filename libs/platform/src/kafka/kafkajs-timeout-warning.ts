/**
 * kafkajs 2.2.4 (the version this project keeps) schedules its request queue with
 * `setTimeout(check, throttledUntil - Date.now())` while `throttledUntil` is still -1 (requestQueue/index.js), a
 * negative delay that Node clamps to 1 ms, which is what kafkajs means. Node ≥ 23 also prints a
 * `TimeoutNegativeWarning` on stderr for it, on every connection. This drops that one warning and passes every
 * other warning on unchanged.
 */
export function ignoreKafkajsNegativeTimeouts(): void {
  if (patched) return;
  patched = true;
  const emit = process.emitWarning.bind(process) as (...args: unknown[]) => void;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const name = warning instanceof Error ? warning.name : typeof rest[0] === 'string' ? rest[0] : (rest[0] as { type?: string } | undefined)?.type;
    if (name === 'TimeoutNegativeWarning') return;
    emit(warning, ...rest);
  }) as typeof process.emitWarning;
}

let patched = false;
