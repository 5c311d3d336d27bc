import { Principal } from './principal';

/**
 * Tokens already verified, by their exact text, each until the moment it would stop being acceptable (`exp`, or `iat`
 * plus the maximum age, whichever comes first): a client sends the same token with every request, and verifying its
 * signature again costs more than the rest of the sign-in check. Only verified tokens enter; a refused one is verified
 * (and refused) again every time. Bounded: the least recently used entry goes first.
 */
export class VerifiedTokens {
  private readonly entries = new Map<string, { readonly principal: Principal; readonly untilMs: number }>();

  constructor(private readonly capacity = 10_000) {}

  /** The principal of a token verified before and still within its lifetime, else undefined. */
  get(token: string, nowMs: number): Principal | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    this.entries.delete(token);
    if (nowMs >= entry.untilMs) return undefined;
    this.entries.set(token, entry);
    return entry.principal;
  }

  /** Remembers a verified token until `untilMs` (epoch milliseconds). */
  set(token: string, principal: Principal, untilMs: number): void {
    this.entries.delete(token);
    this.entries.set(token, { principal, untilMs });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }
}
