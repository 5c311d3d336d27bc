import { IncomingMessage } from 'node:http';

/** The deepest nesting of arrays and objects a JSON body may have: far above any command, far below a stack overflow. */
export const MAX_JSON_DEPTH = 64;

const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * How deep the arrays and objects of a JSON text nest, scanning the raw bytes once (strings skipped, escapes
 * honoured), stopping as soon as `limit` is passed. Malformed JSON is left for the parser to refuse.
 */
export function jsonDepthExceeds(body: Buffer, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      depth++;
      if (depth > limit) return true;
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) depth--;
  }
  return false;
}

/** A body-parser error: the problem details filter answers it as 400 `JSON_TOO_DEEP` before any validation runs. */
export class JsonTooDeepError extends Error {
  readonly status = 400;
  readonly type = 'json.too.deep';
  constructor(readonly limit: number) {
    super(`the JSON body nests arrays or objects deeper than ${limit} levels`);
  }
}

/** The `verify` hook of the JSON body parser: refuses a body nested deeper than `limit` before it is parsed. */
export function refuseDeepJson(limit = MAX_JSON_DEPTH): (request: IncomingMessage, response: unknown, body: Buffer) => void {
  return (_request, _response, body) => {
    if (jsonDepthExceeds(body, limit)) throw new JsonTooDeepError(limit);
  };
}
