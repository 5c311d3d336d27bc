import { Logger } from '@nestjs/common';
import { Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { EventStore, GlobalPosition, inBatches, isGlobalPosition, RecordedEvent, START } from '@mutasi/event-store';
import { hostLagSource, withEventTrace } from '@mutasi/observability';
import { pause } from '@mutasi/platform';
import { IntegrationEvent, IntegrationMapper, RelayCheckpoint, TOPICS } from '@mutasi/messaging';

/** The Kafka message of an integration event: key = caseId keeps a case in order on one partition. */
export function toMessage(e: IntegrationEvent): { key: string; value: string; headers: Record<string, string> } {
  return { key: e.caseId, value: JSON.stringify(e), headers: { 'event-id': e.eventId, 'event-type': e.type, 'spec-version': e.specVersion } };
}

/** The position a checkpoint row holds: one of the event store's, or the row was written by something else. */
function positionOf(checkpoint: { position: string }): GlobalPosition {
  if (!isGlobalPosition(checkpoint.position)) throw new Error(`the relay checkpoint holds ${JSON.stringify(checkpoint.position)}, not a position of the event store`);
  return checkpoint.position;
}

/**
 * The relay: reads the event store in global order from its checkpoint, maps transfer events to integration events
 * and publishes them with the idempotent producer; the checkpoint advances only after the broker acknowledged.
 * At-least-once: after a crash or a broker outage some events may be sent again; consumers dedupe by event id.
 */
export class Relay {
  private readonly logger = new Logger('Relay');
  private readonly checkpoint: RelayCheckpoint;
  private readonly mapper: IntegrationMapper;

  constructor(
    private readonly store: EventStore,
    db: DataSource,
    private readonly producer: Producer,
    private readonly batchSize = 500,
    /** The topic it publishes to: the contract's, except for a tool or test that must not share it. */
    private readonly topic: string = TOPICS.transferEvents.name,
  ) {
    this.checkpoint = new RelayCheckpoint(db, 'transfer-events');
    this.mapper = new IntegrationMapper(store);
    hostLagSource(db, { kind: 'relay', name: this.checkpoint.name, checkpoint: async () => (await this.checkpoint.get(START)).position });
  }

  /** Events published so far, and the position reached. */
  status(): Promise<{ position: string; published: number }> {
    return this.checkpoint.get(START);
  }

  /** Publishes one batch, retrying until the broker acknowledges it (or the signal aborts). */
  private async publish(events: readonly RecordedEvent[], signal?: AbortSignal): Promise<void> {
    const last = events.at(-1);
    if (!last) return;
    // Each message carries the trace of the command that appended its event (W3C traceparent; none when not tracing).
    const metadataOf = new Map(events.map((e) => [e.eventId, e.metadata]));
    const messages = (await this.mapper.map(events)).map((e) => {
      const message = toMessage(e);
      return { ...message, headers: withEventTrace(message.headers, metadataOf.get(e.eventId) ?? {}) };
    });
    for (let attempt = 1; ; attempt += 1) {
      try {
        if (messages.length > 0) await this.producer.send({ topic: this.topic, acks: -1, messages });
        await this.checkpoint.advance(last.globalPosition, messages.length);
        return;
      } catch (error) {
        if (signal?.aborted) throw error;
        const wait = Math.min(5_000, 100 * 2 ** Math.min(attempt, 6));
        this.logger.warn(`publishing ${messages.length} events failed (attempt ${attempt}), retrying in ${wait} ms: ${String(error)}`);
        await pause(wait, signal);
      }
    }
  }

  /** Publishes everything appended so far, then returns. */
  async publishAvailable(): Promise<number> {
    let position = positionOf(await this.checkpoint.get(START));
    let total = 0;
    // The next page is read while the current one is published (the broker's round trip dominates).
    let next = this.store.readAll({ after: position, limit: this.batchSize });
    for (;;) {
      const page = await next;
      if (page.events.length === 0) return total;
      position = page.nextPosition;
      next = this.store.readAll({ after: position, limit: this.batchSize });
      await this.publish(page.events).catch(async (error: unknown) => {
        await next.catch(() => undefined);
        throw error;
      });
      total += page.events.length;
    }
  }

  /** Follows the store live until the signal aborts (catch-up subscription, published in batches). */
  async follow(signal: AbortSignal): Promise<void> {
    const position = positionOf(await this.checkpoint.get(START));
    for await (const batch of inBatches(this.store.subscribeToAll({ after: position, batchSize: this.batchSize, signal }), this.batchSize)) {
      if (signal.aborted) return;
      await this.publish(batch, signal);
    }
  }
}
