import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startStack, type Stack } from '../support/gateway-harness.js';
import { loadPlaygroundAssets } from '../../src/server/playground/assets.js';
import { chooseEncoding } from '../../src/server/playground/routes.js';

/**
 * The playground's HTTP side, without a browser (test/browser drives the page itself): which page
 * GET /graphql gives a browser under each setting, that GraphQL requests are untouched by it, and
 * how its files are served.
 */
const built = loadPlaygroundAssets();

async function page(stack: Stack) {
  const response = await fetch(`${stack.gateway.url}/graphql`, {
    headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' },
  });
  const html = await response.text();
  const json = /<script id="playground-config" type="application\/json">(.*?)<\/script>/s.exec(html)?.[1];
  return { response, html, config: json ? JSON.parse(json) : undefined };
}

describe('GET /graphql in a browser', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ redis: false });
  });
  afterAll(() => stack.close());

  it('is the bundled GraphiQL from this origin, with the demo token in the demo run', async () => {
    const { response, html, config } = await page(stack);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(html).not.toMatch(/apollographql|embeddable-sandbox|fonts\.googleapis/);
    if (!built) return; // `npm test` builds first; a bare `jest` run may not have
    expect(html).toContain(`src="/playground/${built.manifest.app.js}"`);
    expect(html).toContain(`href="/playground/${built.manifest.app.css}"`);
    expect(JSON.parse(config.headers)).toEqual({ Authorization: 'Bearer demo-owner' });
    expect(config.query).toMatch(/query Dashboard/);
    expect(config.workers.graphql).toBe(`/playground/${built.manifest.workers.graphql}`);
  });

  it('leaves GraphQL requests as they were: GET queries and POSTs answer JSON', async () => {
    const get = await fetch(`${stack.gateway.url}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect(get.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await get.json()).toEqual({ data: { __typename: 'Query' } });
    const post = await stack.gql('{ __typename }');
    expect(post).toMatchObject({ status: 200, data: { __typename: 'Query' } });
    // No Accept at all is not a browser: Apollo's usual answer for a GET without a query.
    const bare = await fetch(`${stack.gateway.url}/graphql`);
    expect(bare.headers.get('content-type')).not.toMatch(/html/);
  });

  (built ? it : it.skip)('serves only the built files, read-only', async () => {
    const file = `${stack.gateway.url}/playground/${built!.manifest.app.js}`;
    const head = await fetch(file, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(head.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(file, { method: 'POST' })).status).toBe(405);
    expect((await fetch(`${stack.gateway.url}/playground/manifest.json`)).status).toBe(404);
  });
});

/** A raw GET (fetch would decode the body and hide the encoding). */
function rawGet(url: string, headers: Record<string, string>) {
  return new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
    request(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ headers: response.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('compressed bundles', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ redis: false });
  });
  afterAll(() => stack.close());

  (built ? it : it.skip)('are sent brotli or gzip as accepted, the same bytes once decoded', async () => {
    const name = built!.manifest.app.js;
    const url = `${stack.gateway.url}/playground/${name}`;
    const original = readFileSync(join(built!.dir, name));
    const br = await rawGet(url, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toBe('accept-encoding');
    expect(br.body.length).toBeLessThan(original.length / 2);
    expect(brotliDecompressSync(br.body).equals(original)).toBe(true);
    const gz = await rawGet(url, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(original)).toBe(true);
    const plain = await rawGet(url, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(original)).toBe(true);
  });

  it('follow Accept-Encoding, q=0 included', () => {
    const both = [
      { name: 'br', suffix: '.br' },
      { name: 'gzip', suffix: '.gz' },
    ] as const;
    expect(chooseEncoding('gzip, br', both)?.name).toBe('br');
    expect(chooseEncoding('br;q=0, gzip', both)?.name).toBe('gzip');
    expect(chooseEncoding('identity', both)).toBeUndefined();
    expect(chooseEncoding('*', both)?.name).toBe('br');
    expect(chooseEncoding(undefined, both)).toBeUndefined();
  });
});

describe('the playground under other settings', () => {
  it('is served with NODE_ENV=production too (Apollo would show its CDN page or nothing)', async () => {
    const before = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    const stack = await startStack({ redis: false });
    try {
      const { response, html } = await page(stack);
      expect(response.status).toBe(200);
      expect(html).toContain('id="playground"');
    } finally {
      process.env.NODE_ENV = before;
      await stack.close();
    }
  });

  it('starts with an empty header editor against a real WebWork (WEBWORK_API_URL set)', async () => {
    const stack = await startStack({ redis: false, env: { WEBWORK_API_URL: 'http://127.0.0.1:9/api/v2' } });
    try {
      const { config, html } = await page(stack);
      expect(html).not.toContain('demo-owner');
      if (built) expect(config.headers).toBe('');
    } finally {
      await stack.close();
    }
  });
});
