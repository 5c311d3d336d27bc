import { Logger } from '@nestjs/common';
import { Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { SPEC_VERSION, TOPICS } from './contracts';
import { RelayCheckpoint } from './relay-checkpoint';

/** A signed tree head as audit-service keeps it. */
export interface PublishableTreeHead {
  readonly treeSize: number;
  readonly rootHash: string;
  readonly timestamp: string;
  readonly checkpoint: string;
}

/**
 * Publishes every signed tree head, in order, to `mutasi.audit-checkpoints.v1` (kept forever), so that outside
 * parties hold them. Its checkpoint (the last size published) advances only after the broker acknowledged.
 */
export class TreeHeadPublisher {
  private readonly logger = new Logger('TreeHeadPublisher');
  private readonly checkpoint: RelayCheckpoint;

  constructor(
    db: DataSource,
    private readonly producer: Producer,
    private readonly heads: () => Promise<readonly PublishableTreeHead[]>,
    private readonly origin: string,
    private readonly verifierKey: string,
  ) {
    this.checkpoint = new RelayCheckpoint(db, 'audit-checkpoints');
  }

  /** Publishes the heads signed since the last run; returns how many. */
  async publishNew(): Promise<number> {
    const { position } = await this.checkpoint.get('0');
    const fresh = (await this.heads()).filter((h) => h.treeSize > Number(position));
    const last = fresh.at(-1);
    if (!last) return 0;
    await this.producer.send({
      topic: TOPICS.auditCheckpoints.name,
      acks: -1,
      messages: fresh.map((h) => ({
        key: this.origin,
        value: JSON.stringify({
          specVersion: SPEC_VERSION,
          type: 'mutasi.audit.TreeHeadSigned.v1',
          origin: this.origin,
          treeSize: h.treeSize,
          rootHash: h.rootHash,
          timestamp: h.timestamp,
          checkpoint: h.checkpoint,
          verifierKey: this.verifierKey,
        }),
      })),
    });
    await this.checkpoint.advance(String(last.treeSize), fresh.length);
    this.logger.debug(`published ${fresh.length} tree head(s) up to size ${last.treeSize}`);
    return fresh.length;
  }
}
