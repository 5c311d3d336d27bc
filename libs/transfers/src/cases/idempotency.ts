import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { canonicalJson } from '@mutasi/integrity';
import { AppConfig, problem, ProblemError } from '@mutasi/platform';

/** A stored outcome of a command sent with an `Idempotency-Key`. */
export interface StoredResponse {
  readonly status: number;
  readonly body: unknown;
  readonly etag: string | null;
}

/** Hash of what makes two requests "the same": the path and the body. */
export function requestHash(path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${path}\n${canonicalJson(body ?? null)}`)
    .digest('hex');
}

/**
 * `Idempotency-Key` (per actor): the first request claims the key; a retry with the same path and body gets the
 * stored response and appends nothing; the same key with another request is a 409.
 *
 * A claim is a lease (`IDEMPOTENCY_LEASE_SECONDS`, 30 s by default): a server that dies while it holds one leaves no
 * key stuck "in use". Once the lease has run out, a retry takes the claim over and runs the command again with the
 * same command id (derived from the key), so an append that did land before the crash is recognised by the command
 * pipeline and answered, not repeated; one that did not land runs once.
 */
@Injectable()
export class IdempotencyKeys {
  private readonly leaseSeconds: number;

  constructor(
    private readonly db: DataSource,
    config: AppConfig,
  ) {
    this.leaseSeconds = config.values.idempotencyLeaseSeconds;
  }

  /** The stored response of an earlier, identical request, or null after claiming the key for this one. */
  async claim(actorId: string, key: string, hash: string): Promise<StoredResponse | null> {
    const claimed = await this.db.query(
      `INSERT INTO idempotency_keys (actor_id, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT (actor_id, key) DO UPDATE SET claimed_at = now()
         WHERE idempotency_keys.status IS NULL AND idempotency_keys.request_hash = EXCLUDED.request_hash
           AND idempotency_keys.claimed_at < now() - make_interval(secs => $4)
       RETURNING key`,
      [actorId, key, hash, this.leaseSeconds],
    );
    if ((claimed as unknown[]).length > 0) return null;
    const rows = (await this.db.query('SELECT request_hash, status, response, etag FROM idempotency_keys WHERE actor_id = $1 AND key = $2', [actorId, key])) as {
      request_hash: string;
      status: number | null;
      response: unknown;
      etag: string | null;
    }[];
    const row = rows[0];
    if (!row) return this.claim(actorId, key, hash);
    if (row.request_hash !== hash) throw new ProblemError(problem(409, 'IDEMPOTENCY_KEY_REUSED', 'Idempotency-Key ini sudah dipakai untuk permintaan lain; gunakan kunci baru'));
    if (row.status === null) {
      throw new ProblemError(
        problem(
          409,
          'IDEMPOTENCY_KEY_IN_USE',
          `permintaan dengan Idempotency-Key ini masih diproses; coba lagi dalam beberapa detik (klaim yang tertinggal karena gangguan berakhir setelah ${this.leaseSeconds} detik)`,
          { retryAfterSeconds: Math.min(this.leaseSeconds, 5) },
        ),
      );
    }
    return { status: row.status, body: row.response, etag: row.etag };
  }

  async complete(actorId: string, key: string, response: StoredResponse): Promise<void> {
    await this.db.query('UPDATE idempotency_keys SET status = $3, response = $4, etag = $5 WHERE actor_id = $1 AND key = $2', [
      actorId,
      key,
      response.status,
      JSON.stringify(response.body),
      response.etag,
    ]);
  }

  /** Gives the key back when the outcome was transient (a conflict or an internal error), so a retry runs again. */
  async release(actorId: string, key: string): Promise<void> {
    await this.db.query('DELETE FROM idempotency_keys WHERE actor_id = $1 AND key = $2 AND status IS NULL', [actorId, key]);
  }
}
