import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { DASHBOARD_QUERY, startStack, type Stack } from '../support/gateway-harness.js';
import { getUrl, rawRequest, type RawResponse } from '../support/raw-http.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack.close());

const AUTH = { authorization: 'Bearer demo-owner' };
const JSON_POST = { ...AUTH, 'content-type': 'application/json' };
const GRAPHQL_RESPONSE = 'application/graphql-response+json; charset=utf-8';
const JSON_RESPONSE = 'application/json; charset=utf-8';

let n = 0;
/** A query of its own per test (a distinct alias), so no test sees another's reused response. */
function freshQuery(): string {
  n += 1;
  return `{ q${n}: workspace(workspaceId: 1) { id name projects(first: 3) { nodes { projectId name } } } }`;
}

function post(query: string, headers: Record<string, string> = JSON_POST, method = 'POST') {
  return rawRequest(`${stack.gateway.url}/graphql`, { method, headers, body: JSON.stringify({ query }) });
}

/** The headers a reused answer must repeat exactly (x-gateway-cache is the one allowed to differ). */
function significant(response: RawResponse) {
  const { headers } = response;
  return {
    status: response.status,
    contentType: headers['content-type'],
    cacheControl: headers['cache-control'],
    vary: headers['vary'],
    etag: headers['etag'],
    contentEncoding: headers['content-encoding'],
    contentLength: headers['content-length'],
    allowOrigin: headers['access-control-allow-origin'],
  };
}

describe('whole-response reuse comes after every HTTP check Apollo makes', () => {
  it('a reused answer is byte for byte the fresh one, headers included (POST, GET, negotiated, compressed)', async () => {
    const cases: { name: string; send: (q: string) => Promise<RawResponse> }[] = [
      { name: 'POST', send: (q) => post(q) },
      {
        name: 'POST graphql-response+json',
        send: (q) => post(q, { ...JSON_POST, accept: GRAPHQL_RESPONSE }),
      },
      { name: 'GET', send: (q) => rawRequest(getUrl(stack.gateway.url, q), { headers: AUTH }) },
      {
        name: 'GET gzip',
        send: (q) =>
          rawRequest(getUrl(stack.gateway.url, q), { headers: { ...AUTH, 'accept-encoding': 'gzip' } }),
      },
    ];
    for (const { name, send } of cases) {
      const query = freshQuery();
      const fresh = await send(query);
      const reused = await send(query);
      expect({ name, ...significant(fresh) }).toEqual({ name, ...significant(reused) });
      expect(fresh.headers['x-gateway-cache']).toBeUndefined();
      expect(reused.headers['x-gateway-cache']).toBe('hit');
      expect(reused.body.equals(fresh.body)).toBe(true);
      expect(Number(reused.headers['content-length'])).toBe(reused.body.length);
    }
  });

  it('answers Accept: application/graphql-response+json with that type, also when the result is reused', async () => {
    const query = freshQuery();
    expect((await post(query)).status).toBe(200); // the result is now reusable
    const negotiated = await post(query, { ...JSON_POST, accept: 'application/graphql-response+json' });
    expect(negotiated.status).toBe(200);
    expect(negotiated.headers['content-type']).toBe(GRAPHQL_RESPONSE);
    expect(negotiated.headers['x-gateway-cache']).toBe('hit');
  });

  it('answers Accept: text/plain with 406, also when the result is reusable', async () => {
    const query = freshQuery();
    await post(query);
    expect((await post(query)).headers['x-gateway-cache']).toBe('hit');
    const refused = await post(query, { ...JSON_POST, accept: 'text/plain' });
    expect(refused.status).toBe(406);
    expect(refused.headers['x-gateway-cache']).toBeUndefined();
  });

  it('refuses a text/plain body that looks like JSON (content-type: text/plain; foo=json), also when reusable', async () => {
    const query = freshQuery();
    await post(query);
    expect((await post(query)).headers['x-gateway-cache']).toBe('hit');
    // With the bearer token it is no CSRF risk, but still no JSON request: Apollo's 400.
    const withToken = await post(query, { ...AUTH, 'content-type': 'text/plain; foo=json' });
    expect(withToken.status).toBe(400);
    expect(JSON.parse(withToken.text).errors[0].extensions.code).toBe('BAD_REQUEST');
    // Without any preflighted header, CSRF prevention refuses it.
    const forged = await post(query, { 'content-type': 'text/plain; foo=json' });
    expect(forged.status).toBe(400);
    expect(JSON.parse(forged.text).errors[0].message).toMatch(/Cross-Site Request Forgery/);
  });

  it('refuses other methods with 405, also when the result is reusable', async () => {
    const query = freshQuery();
    await post(query);
    const put = await post(query, JSON_POST, 'PUT');
    expect(put.status).toBe(405);
    expect(put.headers['allow']).toBe('GET, POST');
  });
});

describe('GET for queries (urql, Apollo Client useGETForQueries)', () => {
  it('passes CSRF prevention with Authorization and no content-type', async () => {
    const response = await rawRequest(
      getUrl(stack.gateway.url, '{ workspace(workspaceId: 1) { id name } }'),
      {
        headers: AUTH,
      },
    );
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text).data.workspace.name).toEqual(expect.any(String));
  });

  it('still refuses a GET with no preflighted header as a possible CSRF', async () => {
    const response = await rawRequest(getUrl(stack.gateway.url, '{ __typename }'));
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text).errors[0].message).toMatch(/Cross-Site Request Forgery/);
  });

  it('refuses a mutation over GET with 405 (Allow: POST), without running it', async () => {
    await stack.resetUpstreamStats();
    const mutation = 'mutation { stopTracking(input: { workspaceId: 1, userId: 1 }) { isRunning } }';
    const response = await rawRequest(getUrl(stack.gateway.url, mutation), { headers: AUTH });
    expect(response.status).toBe(405);
    expect(response.headers['allow']).toBe('POST');
    expect((await stack.upstreamStats()).total).toBe(0);
  });
});

describe('caching headers and ETag', () => {
  it('every GraphQL answer says Cache-Control: private, no-cache and Vary: Authorization, Accept, Accept-Encoding', async () => {
    const answers = [
      await post(freshQuery()),
      await post('{ nope }'),
      await rawRequest(getUrl(stack.gateway.url, freshQuery()), { headers: AUTH }),
      await post('{ __typename }', { ...JSON_POST, accept: 'text/plain' }),
    ];
    for (const answer of answers) {
      expect(answer.headers['cache-control']).toBe('private, no-cache');
      expect(answer.headers['vary']).toBe('Authorization, Accept, Accept-Encoding');
    }
  });

  it('a GET query answer has an ETag; If-None-Match with it is answered 304 without a body', async () => {
    const url = getUrl(stack.gateway.url, freshQuery());
    const first = await rawRequest(url, { headers: AUTH });
    const etag = first.headers['etag']!;
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    const again = await rawRequest(url, { headers: { ...AUTH, 'if-none-match': etag } });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers['etag']).toBe(etag);
    expect(again.headers['cache-control']).toBe('private, no-cache');
    expect(again.headers['vary']).toBe('Authorization, Accept, Accept-Encoding');
    const otherTag = await rawRequest(url, { headers: { ...AUTH, 'if-none-match': 'W/"other"' } });
    expect(otherTag.status).toBe(200);
    expect(otherTag.body.equals(first.body)).toBe(true);
  });

  it('the ETag follows the content: another caller, another type or changed data give another tag', async () => {
    const query = '{ workspace(workspaceId: 1) { id name } }';
    const url = getUrl(stack.gateway.url, query);
    const owner = await rawRequest(url, { headers: AUTH });
    const asGraphQLResponse = await rawRequest(url, { headers: { ...AUTH, accept: GRAPHQL_RESPONSE } });
    expect(asGraphQLResponse.headers['etag']).not.toBe(owner.headers['etag']);
    const twoWorkspaces = await rawRequest(
      getUrl(stack.gateway.url, '{ workspace(workspaceId: 2) { id name } }'),
      {
        headers: AUTH,
      },
    );
    expect(twoWorkspaces.headers['etag']).not.toBe(owner.headers['etag']);
  });

  it('POST answers and refusals carry no ETag', async () => {
    expect((await post(freshQuery())).headers['etag']).toBeUndefined();
    const refused = await rawRequest(getUrl(stack.gateway.url, '{ nope }'), { headers: AUTH });
    expect(refused.status).toBe(200); // a request error under application/json
    expect(refused.headers['etag']).toBeUndefined();
  });
});

describe('compression', () => {
  const dashboard = () => JSON.stringify({ query: DASHBOARD_QUERY, variables: { ws: 1 } });
  const send = (acceptEncoding?: string) =>
    rawRequest(`${stack.gateway.url}/graphql`, {
      method: 'POST',
      headers: { ...JSON_POST, ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}) },
      body: dashboard(),
    });

  it('sends brotli or gzip as accepted, with the same content as the identity answer', async () => {
    const plain = await send();
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.length).toBeGreaterThan(10_000);

    const br = await send('gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(Number(br.headers['content-length'])).toBe(br.body.length);
    expect(br.body.length).toBeLessThan(plain.body.length / 4);

    const gzip = await send('gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true);

    expect((await send('br;q=0.5, gzip;q=0.9')).headers['content-encoding']).toBe('gzip');
    expect((await send('gzip;q=0, br;q=0, identity')).headers['content-encoding']).toBeUndefined();
    expect((await send('*')).headers['content-encoding']).toBe('br');
  });

  it('leaves small answers uncompressed', async () => {
    const small = await rawRequest(`${stack.gateway.url}/graphql`, {
      method: 'POST',
      headers: { ...JSON_POST, 'accept-encoding': 'br, gzip' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(small.status).toBe(200);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.text).toBe('{"data":{"__typename":"Query"}}\n');
  });
});

describe('status of request errors (GraphQL over HTTP)', () => {
  const cases = [
    ['parse', '{ workspace(', 'GRAPHQL_PARSE_FAILED'],
    ['validation', '{ nope }', 'GRAPHQL_VALIDATION_FAILED'],
  ] as const;

  it.each(cases)(
    'a %s error is 200 under application/json and 400 under graphql-response+json',
    async (_, query, code) => {
      const json = await post(query);
      expect(json.status).toBe(200);
      expect(json.headers['content-type']).toBe(JSON_RESPONSE);
      expect(JSON.parse(json.text)).toEqual({ errors: [expect.objectContaining({ extensions: { code } })] });
      const spec = await post(query, { ...JSON_POST, accept: 'application/graphql-response+json' });
      expect(spec.status).toBe(400);
      expect(spec.headers['content-type']).toBe(GRAPHQL_RESPONSE);
    },
  );

  it('a variable that does not coerce is 200 under application/json and 400 under graphql-response+json', async () => {
    const body = JSON.stringify({
      query: 'query($ws: Int!) { workspace(workspaceId: $ws) { id } }',
      variables: { ws: 'x' },
    });
    const url = `${stack.gateway.url}/graphql`;
    expect((await rawRequest(url, { method: 'POST', headers: JSON_POST, body })).status).toBe(200);
    const spec = await rawRequest(url, {
      method: 'POST',
      headers: { ...JSON_POST, accept: GRAPHQL_RESPONSE },
      body,
    });
    expect(spec.status).toBe(400);
  });

  it('the limits refusals (QUERY_TOO_COMPLEX, a long string) follow the same rule', async () => {
    const deep = `{ workspaces { ${'members { nodes { contracts { member { '.repeat(4)}fullName${' } } } }'.repeat(4)} } }`;
    const long = `{ workspace(workspaceId: 1) { projects(name: "${'p'.repeat(1001)}") { totalCount } } }`;
    for (const [query, code] of [
      [deep, 'QUERY_TOO_COMPLEX'],
      [long, 'BAD_USER_INPUT'],
    ] as const) {
      const json = await post(query);
      expect(json.status).toBe(200);
      expect(JSON.parse(json.text).errors[0].extensions.code).toBe(code);
      const spec = await post(query, { ...JSON_POST, accept: GRAPHQL_RESPONSE });
      expect(spec.status).toBe(400);
      expect(JSON.parse(spec.text).errors[0].extensions.code).toBe(code);
    }
  });

  it('malformed requests stay 400 under application/json: a body that is not JSON, no query', async () => {
    const url = `${stack.gateway.url}/graphql`;
    expect((await rawRequest(url, { method: 'POST', headers: JSON_POST, body: '{"query":' })).status).toBe(
      400,
    );
    expect(
      (await rawRequest(url, { method: 'POST', headers: JSON_POST, body: '{"variables":{}}' })).status,
    ).toBe(400);
  });
});
