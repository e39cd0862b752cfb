// Sending a large answer as it is read: an async sequence of text chunks (one page of the
// store each) piped into the response with backpressure (stream.pipeline waits for 'drain'
// whenever the client or the gzip stream is behind, and reads the next page only then), so a
// million-row export starts at once and never holds more than a page or two in memory.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request, Response } from 'express';

/** Every page of a cursor-paged read, in order; the next page is read only when asked for. */
export async function* pagesOf<T>(read: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>): AsyncGenerator<T[]> {
  let cursor: string | undefined;
  do {
    const page = await read(cursor);
    yield page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

function isPrematureClose(err: unknown): boolean {
  return err instanceof Error && 'code' in err && (err.code === 'ERR_STREAM_PREMATURE_CLOSE' || err.code === 'ECONNRESET');
}

/**
 * Pipes the chunks into the response (headers set before). A failure before the first byte
 * goes to the error handler as usual; after it, the connection is cut (pipeline destroys the
 * response), so the client sees a broken download rather than a file that looks complete.
 */
export async function streamOut(req: Request, res: Response, chunks: AsyncIterable<string>): Promise<void> {
  // A HEAD (express answers it with the GET route) wants the headers only: read nothing.
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  // The first chunk is read before anything is sent: a refusal or a store error there is an
  // ordinary error answer (pipeline would destroy the response before the handler could write).
  const iterator = chunks[Symbol.asyncIterator]();
  const first = await iterator.next();
  async function* all(): AsyncGenerator<string> {
    if (first.done) return;
    yield first.value;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  try {
    // highWaterMark 1: at most one chunk (one page) waits in the readable buffer.
    await pipeline(Readable.from(all(), { highWaterMark: 1 }), res);
  } catch (err) {
    if (!isPrematureClose(err)) req.log.error({ err }, 'export failed after its first bytes');
  }
}
