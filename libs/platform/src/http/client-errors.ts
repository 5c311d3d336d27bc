import { STATUS_CODES, Server } from 'node:http';
import { Duplex } from 'node:stream';
import { problem } from '../errors/problem';

/** The status Node's HTTP parser error deserves: 431 for headers over the limit, 408 for a slow request, else 400. */
function statusOf(code: string | undefined): number {
  if (code === 'HPE_HEADER_OVERFLOW') return 431;
  if (code === 'HPE_REQUEST_TIMEOUT' || code === 'ERR_HTTP_REQUEST_TIMEOUT') return 408;
  return 400;
}

const DETAIL: Readonly<Record<number, string>> = {
  431: 'the request headers are larger than the server accepts (16 KB in all); send a shorter token or fewer cookies',
  408: 'the request did not arrive in time',
  400: 'the request is not valid HTTP',
};

/**
 * Requests Node refuses before any route sees them (headers over 16 KB, broken HTTP) get problem details too
 * (`application/problem+json`), instead of Node's bare status line.
 */
export function answerClientErrorsAsProblems(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status = statusOf(error.code);
    const code = status === 431 ? 'REQUEST_HEADER_FIELDS_TOO_LARGE' : status === 408 ? 'REQUEST_TIMEOUT' : 'BAD_REQUEST';
    const body = JSON.stringify(problem(status, code, DETAIL[status] ?? 'the request was refused'));
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
