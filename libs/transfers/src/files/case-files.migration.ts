import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The files behind the documents of a case. The event store keeps only each document's SHA-256 (the record that
 * cannot change); the file itself is kept here, by case and hash, so anyone who may read the case can download it and
 * check it against the hash.
 */
export class CaseFiles1700000000230 implements MigrationInterface {
  name = 'CaseFiles1700000000230';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE case_files (case_id uuid NOT NULL, sha256 char(64) NOT NULL, file_name text NOT NULL, content_type text NOT NULL, size integer NOT NULL,
      bytes bytea NOT NULL, uploaded_by text NOT NULL, uploaded_at timestamptz NOT NULL, PRIMARY KEY (case_id, sha256))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE case_files');
  }
}
