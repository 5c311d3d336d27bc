import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Where each projection stands in the event store's global order; written in the same transaction as its rows. */
@Entity({ name: 'projection_checkpoints' })
export class ProjectionCheckpoint {
  @PrimaryColumn({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  position!: string;

  @Column({ type: 'bigint', name: 'events_done', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  eventsDone!: number;

  @Column({ type: 'timestamptz', name: 'updated_at' })
  updatedAt!: Date;
}
