import type { IncomingMessage } from 'node:http';

export type LimitedBody = { ok: true; body: Buffer } | { ok: false; reason: 'oversized' | 'timeout' };

/**
 * Reads a request body of at most `maxBytes` within `timeoutMs`. Stops reading at the first byte
 * past the limit (or a declared Content-Length above it, before reading anything), and when the
 * sender is too slow, so neither a huge nor a trickling body can hold memory or the handler.
 * The caller answers and then closes the connection (the rest of the body is never read).
 */
export function readLimitedBody(
  request: IncomingMessage,
  maxBytes: number,
  timeoutMs: number,
): Promise<LimitedBody> {
  if (Number(request.headers['content-length']) > maxBytes) {
    return Promise.resolve({ ok: false, reason: 'oversized' });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: LimitedBody) => {
      clearTimeout(timer);
      request.off('data', onData).off('end', onEnd).off('error', onError);
      if (!result.ok) request.pause();
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) return finish({ ok: false, reason: 'oversized' });
      chunks.push(chunk);
    };
    const onEnd = () => finish({ ok: true, body: Buffer.concat(chunks) });
    const onError = () => finish({ ok: false, reason: 'timeout' });
    const timer = setTimeout(() => finish({ ok: false, reason: 'timeout' }), timeoutMs);
    request.on('data', onData).on('end', onEnd).on('error', onError);
  });
}
