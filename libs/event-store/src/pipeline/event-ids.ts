import { createHash } from 'node:crypto';

/** Namespace of Mutasi's name-based event ids (a fixed random UUID). */
const NAMESPACE = Buffer.from('6f1c2a9e4b7d4c0e9a35d2f81b6e7c40', 'hex');

/**
 * The id of the `index`-th event a command produces: a UUID v5 of (command id, index). A retried command produces
 * the same ids, so the store recognises the retry and appends nothing new.
 */
export function eventIdFor(commandId: string, index: number): string {
  const hash = createHash('sha1').update(NAMESPACE).update(`${commandId}#${index}`).digest();
  hash[6] = ((hash[6] as number) & 0x0f) | 0x50;
  hash[8] = ((hash[8] as number) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
