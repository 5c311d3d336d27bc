import type { IncomingMessage } from 'node:http';

/** A request body the witness will not read: too large, or not UTF-8. */
export class BodyError extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message);
    this.name = 'BodyError';
  }
}

/**
 * Reads a request body as UTF-8 text, up to `limit` bytes. A checkpoint and 63 proof lines fit in a few kilobytes;
 * the cap keeps a stranger from making the witness buffer megabytes.
 * @throws BodyError 413 past the limit, 400 for bytes that are not UTF-8
 */
export async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? '0');
  if (declared > limit) throw new BodyError(413, `the body is larger than ${limit} bytes`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BodyError(413, `the body is larger than ${limit} bytes`);
    chunks.push(chunk);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new BodyError(400, 'the body is not UTF-8');
  }
}
