import {
  Actor,
  DEFAULT_POLICIES,
  DomainError,
  IsoDate,
  IsoInstant,
  payloadOf,
  Policy,
  POLICY_STREAM,
  POLICY_VERSION_PUBLISHED,
  policyAt,
  policyProblems,
  toDate,
} from '@mutasi/domain';
import { EventStore, eventIdFor, WrongExpectedRevisionError } from '@mutasi/event-store';

/** A policy version with where it comes from. */
export interface PolicyVersionRecord {
  readonly policy: Policy;
  readonly source: 'BUILT_IN' | 'PUBLISHED';
  readonly publishedBy: string | null;
  readonly publishedAt: IsoInstant | null;
}

const REFRESH_MS = 5_000;

/**
 * A version published before a threshold existed, completed with that threshold as the built-in version in force on
 * its date had it (a stored policy event is never rewritten; it is read with the shape of today's code).
 */
function completed(published: Policy): Policy {
  return { ...policyAt(DEFAULT_POLICIES, published.effectiveFrom), ...published };
}

/**
 * The policy versions in force over time: the versions built into the code, and those an administrator published
 * (stream `policy-versions`). Every process reads the same stream, so the transfer service, audit and dashboards judge
 * with the same numbers; a published version is seen by other processes within a few seconds.
 */
export class PolicyRegistry {
  private published: PolicyVersionRecord[] = [];
  private revision = -1;
  private readAt = 0;

  constructor(private readonly store: EventStore) {}

  /** Every version, oldest effective date first. */
  async all(): Promise<PolicyVersionRecord[]> {
    await this.refresh();
    const builtIn = DEFAULT_POLICIES.map((policy): PolicyVersionRecord => ({ policy, source: 'BUILT_IN', publishedBy: null, publishedAt: null }));
    return [...builtIn, ...this.published].sort((a, b) => (a.policy.effectiveFrom < b.policy.effectiveFrom ? -1 : a.policy.effectiveFrom > b.policy.effectiveFrom ? 1 : 0));
  }

  async policies(): Promise<Policy[]> {
    return (await this.all()).map((r) => r.policy);
  }

  /** The version in force on `date`. */
  async inForce(date: IsoDate): Promise<Policy> {
    return policyAt(await this.policies(), date);
  }

  /** Publishes a new version (ADMIN): checked whole, refused with every problem at once (400). */
  async publish(candidate: unknown, actor: Actor, now: IsoInstant): Promise<PolicyVersionRecord> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      this.readAt = 0;
      const known = await this.policies();
      const today = toDate(now);
      const errors = policyProblems(candidate, policyAt(known, today), known, today);
      if (errors.length > 0)
        throw new DomainError('VALIDATION', 'INVALID_POLICY', `versi kebijakan ditolak: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`, { errors });
      const policy = candidate as Policy;
      try {
        await this.store.append(
          POLICY_STREAM,
          [
            {
              eventId: eventIdFor(`policy\n${policy.version}`, 0),
              type: POLICY_VERSION_PUBLISHED,
              data: { policy: JSON.parse(JSON.stringify(policy)) as Record<string, unknown> },
              metadata: { actor, recordedAt: now, commandId: policy.version },
            },
          ],
          this.revision < 0 ? 'no_stream' : this.revision,
        );
        this.readAt = 0;
        await this.refresh();
        return { policy, source: 'PUBLISHED', publishedBy: actor.userId, publishedAt: now };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
      }
    }
    throw new DomainError('CONFLICT', 'POLICY_PUBLISH_CONFLICT', 'versi kebijakan lain diterbitkan pada saat yang sama; coba lagi');
  }

  private async refresh(): Promise<void> {
    if (Date.now() - this.readAt < REFRESH_MS) return;
    const events = await this.store.readStream(POLICY_STREAM, { fromRevision: this.revision + 1 });
    for (const e of events) {
      const published = payloadOf(e, POLICY_VERSION_PUBLISHED)?.policy;
      if (published === undefined) continue;
      const actor = e.metadata.actor as Partial<Actor> | undefined;
      this.published.push({
        policy: completed(published),
        source: 'PUBLISHED',
        publishedBy: actor?.userId ?? null,
        publishedAt: typeof e.metadata.recordedAt === 'string' ? e.metadata.recordedAt : null,
      });
      this.revision = e.revision;
    }
    if (events.length > 0) this.revision = events.at(-1)?.revision ?? this.revision;
    this.readAt = Date.now();
  }
}
