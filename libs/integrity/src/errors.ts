/**
 * Errors thrown by the integrity library. Each carries a stable `code` so callers (the audit service's problem
 * details filter, the CLI) can react to the kind of failure without parsing messages.
 *
 * Verification functions never throw for bad evidence: they return `{ ok: false, reason }`. These errors are for
 * programming mistakes and malformed inputs to builders, signers and parsers.
 */
export type IntegrityErrorCode =
  | 'NOT_JSON'
  | 'INVALID_BASE64'
  | 'INVALID_TREE_RANGE'
  | 'MISSING_NODE'
  | 'INVALID_HASH'
  | 'INVALID_KEY_NAME'
  | 'INVALID_SIGNER_KEY'
  | 'INVALID_VERIFIER_KEY'
  | 'MALFORMED_NOTE'
  | 'MALFORMED_CHECKPOINT'
  | 'MAP_UNSORTED'
  | 'MAP_INDEX';

/** Base class of every error the library throws; `code` is stable across releases. */
export class IntegrityError extends Error {
  constructor(
    readonly code: IntegrityErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'IntegrityError';
  }
}

/** A value that has no RFC 8785 canonical form (a function, a bigint, NaN, a circular structure...). */
export class CanonicalizationError extends IntegrityError {
  constructor(message: string) {
    super('NOT_JSON', message);
    this.name = 'CanonicalizationError';
  }
}

/** A Merkle tree request that cannot be answered: bad sizes or indexes, or a node hash the store lacks. */
export class MerkleError extends IntegrityError {
  constructor(code: 'INVALID_TREE_RANGE' | 'MISSING_NODE' | 'INVALID_HASH', message: string) {
    super(code, message);
    this.name = 'MerkleError';
  }
}

/** A signed note, checkpoint or key string that does not follow c2sp.org/signed-note or tlog-checkpoint. */
export class NoteError extends IntegrityError {
  constructor(code: 'INVALID_KEY_NAME' | 'INVALID_SIGNER_KEY' | 'INVALID_VERIFIER_KEY' | 'MALFORMED_NOTE' | 'MALFORMED_CHECKPOINT', message: string) {
    super(code, message);
    this.name = 'NoteError';
  }
}

/** Text that is not canonical standard base64 (RFC 4648 §4, with padding). */
export class Base64Error extends IntegrityError {
  constructor(message: string) {
    super('INVALID_BASE64', message);
    this.name = 'Base64Error';
  }
}
