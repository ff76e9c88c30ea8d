import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Delivery {
  path: string;
  headers: IncomingHttpHeaders;
  body: any;
}

/** A local webhook receiver: records every POST; `waitFor(n)` resolves once n have arrived. */
export async function startReceiver() {
  const received: Delivery[] = [];
  let waiters: Array<() => void> = [];
  const server: Server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: JSON.parse(text) });
      res.writeHead(req.url === '/fail' ? 500 : 204).end();
      waiters.forEach((w) => w());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const waitFor = (count: number, ms = 3000) =>
    new Promise<Delivery[]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`only ${received.length} of ${count} deliveries`)), ms);
      const check = () => {
        if (received.length >= count) {
          clearTimeout(timer);
          waiters = waiters.filter((w) => w !== check);
          resolve(received);
        }
      };
      waiters.push(check);
      check();
    });
  return { url, received, waitFor, close: () => new Promise<void>((r) => server.close(() => r())) };
}
