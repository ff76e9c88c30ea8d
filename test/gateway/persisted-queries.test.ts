import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { capturingLogger, deleteKeysUnder, uniquePrefix } from '../cache/redis-test-utils.js';
import { REDIS_URL, startStack, type Stack } from '../support/gateway-harness.js';
import { rawRequest, type RawResponse } from '../support/raw-http.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const AUTH = { authorization: 'Bearer demo-owner' };
const JSON_POST = { ...AUTH, 'content-type': 'application/json' };
const GRAPHQL_RESPONSE = 'application/graphql-response+json';

let n = 0;
function freshQuery(): string {
  n += 1;
  return `query Workspace${n} { workspace(workspaceId: 1) { id name } }`;
}

function post(
  stack: Stack,
  body: unknown,
  headers: Record<string, string> = JSON_POST,
): Promise<RawResponse> {
  return rawRequest(`${stack.gateway.url}/graphql`, { method: 'POST', headers, body: JSON.stringify(body) });
}

/** A GET as Apollo Client and Apollo Kotlin/iOS send persisted queries: hash only, no query. */
function getByHash(stack: Stack, hash: string): Promise<RawResponse> {
  const url = new URL(`${stack.gateway.url}/graphql`);
  url.searchParams.set('extensions', JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }));
  return rawRequest(url.toString(), { headers: AUTH });
}

const apq = (hash: string, version = 1) => ({ persistedQuery: { version, sha256Hash: hash } });
const json = (response: RawResponse) => JSON.parse(response.text);

describe('automatic persisted queries shared through Redis', () => {
  const prefix = uniquePrefix();
  const logs = capturingLogger();
  let a: Stack;
  let b: Stack;
  let redis: Redis;

  beforeAll(async () => {
    a = await startStack({
      env: { CACHE_PREFIX: prefix, PERSISTED_QUERIES_TTL_SECONDS: '600' },
      logger: logs.logger,
    });
    b = await startStack({ env: { CACHE_PREFIX: prefix }, simulator: a.sim });
    redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    await deleteKeysUnder(redis, prefix);
    redis.disconnect();
    await b.close();
    await a.close();
  });

  it('a hash registered on instance A runs on instance B (POST and GET), stored in Redis with a TTL', async () => {
    const query = freshQuery();
    const hash = sha256(query);
    const unknown = json(await post(b, { extensions: apq(hash) }));
    expect(unknown.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');

    const registered = await post(a, { query, extensions: apq(hash) });
    expect(registered.status).toBe(200);
    expect(json(registered).data.workspace.name).toEqual(expect.any(String));

    const onB = await post(b, { extensions: apq(hash) });
    expect(onB.status).toBe(200);
    expect(json(onB).data).toEqual(json(registered).data);
    const getOnB = await getByHash(b, hash);
    expect(getOnB.status).toBe(200);
    expect(json(getOnB).data).toEqual(json(registered).data);
    expect(getOnB.headers['etag']).toMatch(/^W\//);

    const key = `${prefix}:pq:apq:${hash}`;
    expect(await redis.get(key)).toBe(query);
    const ttl = await redis.ttl(key);
    expect(ttl).toBeGreaterThan(500);
    expect(ttl).toBeLessThanOrEqual(600);
  });

  it('a wrong hash is a client error (400 PERSISTED_QUERY_HASH_MISMATCH), not logged as an error, and not registered', async () => {
    const query = freshQuery();
    const wrong = sha256('something else');
    for (const accept of ['application/json', GRAPHQL_RESPONSE]) {
      const response = await post(a, { query, extensions: apq(wrong) }, { ...JSON_POST, accept });
      expect(response.status).toBe(400);
      expect(json(response).errors).toEqual([
        {
          message: expect.stringMatching(/not the SHA-256 of the query/),
          extensions: { code: 'PERSISTED_QUERY_HASH_MISMATCH' },
        },
      ]);
    }
    expect(await redis.exists(`${prefix}:pq:apq:${wrong}`)).toBe(0);
    expect(logs.lines.filter((line) => line.level >= 50)).toEqual([]);
  });

  it('version 2 (or a persistedQuery that is not an object) is 400 BAD_REQUEST, not logged as an error', async () => {
    const query = freshQuery();
    for (const extensions of [apq(sha256(query), 2), { persistedQuery: 'yes' }]) {
      const response = await post(a, { query, extensions });
      expect(response.status).toBe(400);
      expect(json(response).errors).toEqual([
        { message: expect.stringMatching(/version must be 1/), extensions: { code: 'BAD_REQUEST' } },
      ]);
    }
    expect(logs.lines.filter((line) => line.level >= 50)).toEqual([]);
  });
});

describe('automatic persisted queries without Redis', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ redis: false });
  });
  afterAll(() => stack.close());

  it('are kept in memory by the instance', async () => {
    const query = freshQuery();
    const hash = sha256(query);
    expect(json(await post(stack, { extensions: apq(hash) })).errors[0].extensions.code).toBe(
      'PERSISTED_QUERY_NOT_FOUND',
    );
    expect((await post(stack, { query, extensions: apq(hash) })).status).toBe(200);
    expect(json(await getByHash(stack, hash)).data.workspace.id).toEqual(expect.any(String));
  });
});

describe('trusted documents (TRUSTED_DOCUMENTS)', () => {
  const trusted = 'query TrustedWorkspace($ws: Int!) { workspace(workspaceId: $ws) { id name } }';
  const relayStyle = 'query RelayWorkspace { workspaces { id } }';
  const dir = mkdtempSync(join(tmpdir(), 'trusted-documents-'));
  const prefix = uniquePrefix();
  let apollo: Stack;
  let relay: Stack;
  let redis: Redis;

  beforeAll(async () => {
    const apolloManifest = join(dir, 'persisted-query-manifest.json');
    writeFileSync(
      apolloManifest,
      JSON.stringify({
        format: 'apollo-persisted-query-manifest',
        version: 1,
        operations: [{ id: sha256(trusted), name: 'TrustedWorkspace', type: 'query', body: trusted }],
      }),
    );
    const relayManifest = join(dir, 'relay-persisted.json');
    writeFileSync(relayManifest, JSON.stringify({ 'relay-doc-1': relayStyle }));
    apollo = await startStack({ env: { TRUSTED_DOCUMENTS: apolloManifest, CACHE_PREFIX: prefix } });
    relay = await startStack({ env: { TRUSTED_DOCUMENTS: relayManifest }, simulator: apollo.sim });
    redis = new Redis(REDIS_URL);
  });
  afterAll(async () => {
    await deleteKeysUnder(redis, prefix);
    redis.disconnect();
    await relay.close();
    await apollo.close();
  });

  it('runs an operation of the manifest by its id, without the query (POST and GET)', async () => {
    const byId = await post(apollo, { variables: { ws: 1 }, extensions: apq(sha256(trusted)) });
    expect(byId.status).toBe(200);
    expect(json(byId).data.workspace.name).toEqual(expect.any(String));
    const url = new URL(`${apollo.gateway.url}/graphql`);
    url.searchParams.set('variables', JSON.stringify({ ws: 1 }));
    url.searchParams.set('extensions', JSON.stringify(apq(sha256(trusted))));
    expect(json(await rawRequest(url.toString(), { headers: AUTH })).data).toEqual(json(byId).data);
    expect(json(await post(relay, { extensions: apq('relay-doc-1') })).data.workspaces).toEqual(
      expect.any(Array),
    );
  });

  it('runs the exact text of a manifest operation', async () => {
    const byText = await post(apollo, { query: trusted, variables: { ws: 1 } });
    expect(byText.status).toBe(200);
    expect(json(byText).data.workspace.id).toEqual(expect.any(String));
  });

  it('refuses any other operation with PERSISTED_QUERY_NOT_IN_LIST, registering nothing', async () => {
    const other = '{ workspaces { id name } }';
    const refusals = [
      await post(apollo, { query: other }, { ...JSON_POST, accept: GRAPHQL_RESPONSE }),
      await post(
        apollo,
        { query: other, extensions: apq(sha256(other)) },
        { ...JSON_POST, accept: GRAPHQL_RESPONSE },
      ),
      await post(apollo, { extensions: apq(sha256(other)) }, { ...JSON_POST, accept: GRAPHQL_RESPONSE }),
      await post(relay, { query: trusted, variables: { ws: 1 } }, { ...JSON_POST, accept: GRAPHQL_RESPONSE }),
    ];
    for (const refused of refusals) {
      expect(refused.status).toBe(400);
      expect(json(refused)).toEqual({
        errors: [
          {
            message: expect.stringMatching(/runs only trusted documents/),
            extensions: { code: 'PERSISTED_QUERY_NOT_IN_LIST' },
          },
        ],
      });
    }
    // A request error: 200 under application/json, like the other refusals before execution.
    const underJson = await post(apollo, { query: other });
    expect(underJson.status).toBe(200);
    expect(json(underJson).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_IN_LIST');
    expect(await redis.keys(`${prefix}:pq:*`)).toEqual([]);
  });

  it('refuses to start with a manifest it cannot read, naming the variable and the file', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"format":"apollo-persisted-query-manifest","version":2,"operations":[]}');
    await expect(startStack({ env: { TRUSTED_DOCUMENTS: bad }, simulator: apollo.sim })).rejects.toThrow(
      /TRUSTED_DOCUMENTS: .*bad\.json is an Apollo manifest but not version 1/,
    );
    await expect(
      startStack({ env: { TRUSTED_DOCUMENTS: join(dir, 'missing.json') }, simulator: apollo.sim }),
    ).rejects.toThrow(/TRUSTED_DOCUMENTS: cannot read .*missing\.json/);
  });
});
