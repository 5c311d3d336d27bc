import { DataSource } from 'typeorm';

/** A named checkpoint of something published to Kafka. */
export class RelayCheckpoint {
  constructor(
    private readonly db: DataSource,
    readonly name: string,
  ) {}

  async get(initial: string): Promise<{ position: string; published: number }> {
    const rows = (await this.db.query('SELECT position, published FROM relay_checkpoints WHERE name = $1', [this.name])) as { position: string; published: string }[];
    return rows[0] ? { position: rows[0].position, published: Number(rows[0].published) } : { position: initial, published: 0 };
  }

  async advance(position: string, count: number): Promise<void> {
    await this.db.query(
      `INSERT INTO relay_checkpoints (name, position, published, updated_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (name) DO UPDATE SET position = excluded.position, published = relay_checkpoints.published + excluded.published, updated_at = now()`,
      [this.name, position, count],
    );
  }
}
