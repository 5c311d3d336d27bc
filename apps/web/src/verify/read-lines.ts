/**
 * The lines of a byte stream (an uploaded file, a fetched export) as UTF-8 text, one at a time, so a bundle of any
 * size is verified without holding it whole.
 */
export async function* readLines(stream: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = stream.getReader();
  const decoder = new TextDecoder('utf-8');
  let rest = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      rest += done ? decoder.decode() : decoder.decode(value, { stream: true });
      let start = 0;
      for (let at = rest.indexOf('\n'); at >= 0; at = rest.indexOf('\n', start)) {
        yield rest.slice(start, at);
        start = at + 1;
      }
      rest = rest.slice(start);
      if (done) break;
    }
    if (rest !== '') yield rest;
  } finally {
    reader.releaseLock();
  }
}
