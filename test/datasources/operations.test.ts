import { jest } from '@jest/globals';
import { callerScope } from '../../src/cache/keys.js';
import { MemoryStore } from '../../src/cache/memory-store.js';
import { ResponseCache } from '../../src/cache/response-cache.js';
import { list, read, write } from '../../src/catalogue/operation.js';
import { staleTagsAfter } from '../../src/catalogue/stale-reads.js';
import { CachedReader } from '../../src/datasources/cached-reader.js';
import type { Caller } from '../../src/datasources/caller.js';
import { Operations } from '../../src/datasources/operations.js';
import type { Envelope, UpstreamClient } from '../../src/datasources/upstream-client.js';
import { GatewayError } from '../../src/errors/gateway-error.js';

/**
 * The lifecycles every catalogue descriptor runs through (read, list page, whole list, write), on a
 * real ResponseCache over the in-memory store. WebWork is replaced by a scripted upstream so the
 * tests can say exactly which calls went out and make a write time out or a read-back fail.
 */

interface Sent {
  method: string;
  path: string;
  query?: Record<string, unknown>;
  body?: Record<string, unknown>;
}

class ScriptedUpstream {
  readonly sent: Sent[] = [];
  /** Answers by `METHOD path`; a function gets the request, an Error is thrown. */
  readonly answers = new Map<string, unknown>();

  async get<T>(caller: Caller, path: string, query = {}): Promise<Envelope<T>> {
    return this.send<T>(caller, 'GET', path, { query });
  }

  async send<T>(
    _caller: Caller,
    method: string,
    path: string,
    input: { query?: Record<string, unknown>; body?: Record<string, unknown> } = {},
  ): Promise<Envelope<T>> {
    const request = { method, path, ...input };
    this.sent.push(request);
    let answer = this.answers.get(`${method} ${path}`);
    if (typeof answer === 'function') answer = answer(request);
    if (answer instanceof Error) throw answer;
    return answer as Envelope<T>;
  }

  calls(method: string, path: string): Sent[] {
    return this.sent.filter((s) => s.method === method && s.path === path);
  }
}

const TTL = { workspaces: 300, lists: 60, tracker: 10 };

function setup() {
  let now = Date.now();
  const upstream = new ScriptedUpstream();
  const reader = new CachedReader(new ResponseCache(new MemoryStore(), { clock: () => now }));
  const ops = new Operations({
    upstream: upstream as unknown as UpstreamClient,
    reader,
    cacheConfig: {
      enabled: true,
      prefix: 'ops-test',
      keySecret: undefined,
      ttl: TTL,
      staleSeconds: 120,
      memoryMaxEntries: 1000,
      near: { maxMegabytes: 0, maxAgeSeconds: 0 },
      wholeResponses: { maxMegabytes: 0 },
    } as never,
    staleTags: staleTagsAfter([]),
  });
  const caller: Caller = { token: 't', scope: callerScope(`ops-${Math.random()}`) };
  return {
    upstream,
    reader,
    ops,
    caller,
    /** Moves the cache's clock (entries are stamped with the real clock when stored). */
    advance: (seconds: number) => {
      now = Date.now() + seconds * 1000;
    },
  };
}

const thing = read<{ workspaceId: number; id: number; lang?: string }, { name: string }, string>({
  name: 'thing',
  path: '/things/{id}',
  pathParams: (a) => ({ id: a.id }),
  query: (a) => ({ workspace_id: a.workspaceId, lang: a.lang }),
  cache: 'tracker',
  tags: (a) => [`ws:${a.workspaceId}:thing:${a.id}`],
  map: (w, a) => `${a.id}:${w?.name}`,
});

const things = list<{ workspaceId: number; status?: string }, { id: number }, number>({
  name: 'things',
  path: '/things',
  query: (a) => ({ workspace_id: a.workspaceId, status: a.status }),
  cache: 'lists',
  tags: (a) => [`ws:${a.workspaceId}:things`],
  map: (w) => w.id * 10,
});

const pageOf = (ids: number[], current: number, last: number) => ({
  success: true,
  data: ids.map((id) => ({ id })),
  meta: { pagination: { current_page: current, last_page: last, total: 150, per_page: 100 } },
});

describe('read lifecycle', () => {
  it('GETs the filled path with the query, maps the wire object with the arguments, and caches it', async () => {
    const { upstream, ops, caller } = setup();
    upstream.answers.set('GET /things/7', { success: true, data: { name: 'seven' } });
    expect(await ops.read(caller, thing, { workspaceId: 1, id: 7 })).toBe('7:seven');
    expect(await ops.read(caller, thing, { workspaceId: 1, id: 7 })).toBe('7:seven');
    expect(upstream.sent).toEqual([
      { method: 'GET', path: '/things/7', query: { workspace_id: 1, lang: undefined } },
    ]);
  });

  it('a read without a query sends an empty one', async () => {
    const { upstream, ops, caller } = setup();
    const bare = read<{ id: number }, string, string>({
      name: 'bare',
      path: '/bare/{id}',
      pathParams: (a) => ({ id: a.id }),
      cache: 'workspaces',
      tags: () => ['bare'],
      map: (w) => String(w),
    });
    upstream.answers.set('GET /bare/1', { success: true, data: 'b1' });
    upstream.answers.set('GET /bare/2', { success: true, data: 'b2' });
    expect(await ops.read(caller, bare, { id: 1 })).toBe('b1');
    expect(upstream.sent[0].query).toEqual({});
    // Without a query or key, every argument value shares one entry: the descriptor must add one.
    expect(await ops.read(caller, bare, { id: 2 })).toBe('b1');
  });

  it('a read of a path without placeholders', async () => {
    const { upstream, ops, caller } = setup();
    const me = read<object, { id: number }, number>({
      name: 'me',
      path: '/me',
      cache: 'workspaces',
      tags: () => ['me'],
      map: (w) => w!.id,
    });
    upstream.answers.set('GET /me', { success: true, data: { id: 42 } });
    expect(await ops.read(caller, me, {})).toBe(42);
  });

  it('different query values are different entries; a declared key decides what is one entry', async () => {
    const { upstream, ops, caller } = setup();
    upstream.answers.set('GET /things/7', (r: Sent) => ({ success: true, data: { name: r.query?.lang } }));
    expect(await ops.read(caller, thing, { workspaceId: 1, id: 7, lang: 'en' })).toBe('7:en');
    expect(await ops.read(caller, thing, { workspaceId: 1, id: 7, lang: 'de' })).toBe('7:de');

    const keyed = read<{ workspaceId: number; id: number; lang?: string }, { name: string }, string>({
      ...thing,
      name: 'keyedThing',
      key: (a) => ({ workspace_id: a.workspaceId, id: a.id }),
    });
    expect(await ops.read(caller, keyed, { workspaceId: 1, id: 7, lang: 'en' })).toBe('7:en');
    expect(await ops.read(caller, keyed, { workspaceId: 1, id: 7, lang: 'de' })).toBe('7:en');
    expect(upstream.calls('GET', '/things/7')).toHaveLength(3);
  });

  it('is fresh for its cache class TTL, then served stale while it is refreshed', async () => {
    const { upstream, ops, caller, advance } = setup();
    let n = 0;
    upstream.answers.set('GET /things/7', () => ({ success: true, data: { name: `v${++n}` } }));
    expect(await ops.read(caller, thing, { workspaceId: 1, id: 7 })).toBe('7:v1');
    advance(TTL.tracker - 1);
    expect(await ops.read(caller, thing, { workspaceId: 1, id: 7 })).toBe('7:v1');
    expect(n).toBe(1);
    advance(TTL.tracker + 1);
    // Stale while revalidate (the default): the old value now, the refresh in the background.
    expect(await ops.read(caller, thing, { workspaceId: 1, id: 7 })).toBe('7:v1');
    await new Promise((r) => setTimeout(r, 20));
    expect(n).toBe(2);
    expect(await ops.read(caller, thing, { workspaceId: 1, id: 7 })).toBe('7:v2');
  });

  it('staleWhileRevalidate: false waits for the fresh value once the TTL is over', async () => {
    const { upstream, ops, caller, advance } = setup();
    const strict = read({ ...thing, name: 'strictThing', staleWhileRevalidate: false });
    let n = 0;
    upstream.answers.set('GET /things/7', () => ({ success: true, data: { name: `v${++n}` } }));
    expect(await ops.read(caller, strict, { workspaceId: 1, id: 7 })).toBe('7:v1');
    advance(TTL.tracker + 1);
    expect(await ops.read(caller, strict, { workspaceId: 1, id: 7 })).toBe('7:v2');
  });

  it('past the configured stale window, the old value is not served: the read waits for a fresh one', async () => {
    const { upstream, ops, caller, advance } = setup();
    let n = 0;
    upstream.answers.set('GET /things/7', () => ({ success: true, data: { name: `v${++n}` } }));
    expect(await ops.read(caller, thing, { workspaceId: 1, id: 7 })).toBe('7:v1');
    advance(TTL.tracker + 121); // staleSeconds is 120
    expect(await ops.read(caller, thing, { workspaceId: 1, id: 7 })).toBe('7:v2');
  });

  it('is filed under the descriptor tags: invalidating one reloads it', async () => {
    const { upstream, ops, caller, reader } = setup();
    let n = 0;
    upstream.answers.set('GET /things/7', () => ({ success: true, data: { name: `v${++n}` } }));
    await ops.read(caller, thing, { workspaceId: 1, id: 7 });
    await reader.invalidate(['ws:1:thing:8']);
    expect(await ops.read(caller, thing, { workspaceId: 1, id: 7 })).toBe('7:v1');
    await reader.invalidate(['ws:1:thing:7']);
    expect(await ops.read(caller, thing, { workspaceId: 1, id: 7 })).toBe('7:v2');
  });
});

describe('list lifecycle', () => {
  it('a page asks for that page of 100, maps its items and tells whether more follow', async () => {
    const { upstream, ops, caller } = setup();
    upstream.answers.set('GET /things', (r: Sent) =>
      r.query?.page === 1 ? pageOf([1, 2], 1, 2) : pageOf([3], 2, 2),
    );
    expect(await ops.page(caller, things, { workspaceId: 1, status: 'open' }, 1)).toEqual({
      items: [10, 20],
      total: 150,
      hasMore: true,
    });
    expect(upstream.sent[0].query).toEqual({ workspace_id: 1, status: 'open', page: 1, per_page: 100 });
    expect(await ops.page(caller, things, { workspaceId: 1, status: 'open' }, 2)).toMatchObject({
      items: [30],
      hasMore: false,
    });
  });

  it('a list without a query still sends page and per_page', async () => {
    const { upstream, ops, caller } = setup();
    const bare = list<object, { id: number }, number>({
      name: 'bareList',
      path: '/bare',
      cache: 'lists',
      tags: () => ['bare'],
      map: (w) => w.id,
    });
    upstream.answers.set('GET /bare', pageOf([5], 1, 1));
    expect(await ops.all(caller, bare, {})).toEqual([5]);
    expect(upstream.sent[0].query).toEqual({ page: 1, per_page: 100 });
  });

  it('all pages of a paged list are the cached pages: a later page read costs no call', async () => {
    const { upstream, ops, caller } = setup();
    upstream.answers.set('GET /things', (r: Sent) =>
      r.query?.page === 1 ? pageOf([1, 2], 1, 2) : pageOf([3], 2, 2),
    );
    expect(await ops.all(caller, things, { workspaceId: 1 })).toEqual([10, 20, 30]);
    expect(await ops.page(caller, things, { workspaceId: 1 }, 2)).toMatchObject({ items: [30] });
    expect(upstream.sent).toHaveLength(2);
  });

  it("a whole list is one entry of its own: read twice, one call per page; its pages aren't entries", async () => {
    const { upstream, ops, caller } = setup();
    const whole = list({ ...things, name: 'wholeThings', entry: 'whole' as const });
    upstream.answers.set('GET /things', (r: Sent) =>
      r.query?.page === 1 ? pageOf([1, 2], 1, 2) : pageOf([3], 2, 2),
    );
    expect(await ops.all(caller, whole, { workspaceId: 1 })).toEqual([10, 20, 30]);
    expect(await ops.all(caller, whole, { workspaceId: 1 })).toEqual([10, 20, 30]);
    expect(upstream.sent.map((s) => s.query)).toEqual([
      { workspace_id: 1, status: undefined, page: 1, per_page: 100 },
      { workspace_id: 1, status: undefined, page: 2, per_page: 100 },
    ]);
    await ops.page(caller, whole, { workspaceId: 1 }, 1);
    expect(upstream.sent).toHaveLength(3);
  });
});

interface Moved {
  readBackFailed?: true;
  state: string;
  note?: string;
}

const moveArgs = { workspaceId: 1, id: 7, reason: 'why', extra: undefined, none: null };

function move(readBack?: {
  read: (reads: any, a: typeof moveArgs) => Promise<Moved | null>;
  merge?: (fresh: Moved, told: Moved) => Moved;
  applied?: (state: Moved) => boolean;
}) {
  return write<typeof moveArgs, { state: string }, Moved>({
    name: 'moveThing',
    method: 'POST',
    path: '/things/{id}/move',
    pathParams: (a) => ({ id: a.id }),
    query: (a) => ({ workspace_id: a.workspaceId }),
    body: (a) => ({ reason: a.reason, extra: a.extra, none: a.none, zero: 0, no: false, empty: '' }),
    verb: 'move',
    subject: 'thing',
    stale: (a) => [`ws:${a.workspaceId}:thing:${a.id}`],
    told: (_a, data) => ({ state: data?.state ?? 'unknown', note: 'told' }),
    readBack: readBack
      ? {
          read: readBack.read,
          merge: readBack.merge,
          applied: readBack.applied,
        }
      : undefined,
  });
}

/** `thing` as a state: what a read-back of the moved thing answers. */
const thingState = (reads: any, a: typeof moveArgs) =>
  reads.read(thing, { workspaceId: a.workspaceId, id: a.id }).then((s: string) => ({ state: s }));

describe('write lifecycle', () => {
  it('sends once, without undefined or null body fields, invalidates, then reads the state back', async () => {
    const { upstream, ops, caller } = setup();
    let name = 'before';
    upstream.answers.set('GET /things/7', () => ({ success: true, data: { name } }));
    upstream.answers.set('POST /things/7/move', () => {
      name = 'after';
      return { success: true, data: { state: 'moved' } };
    });
    expect(await ops.read(caller, thing, { workspaceId: 1, id: 7 })).toBe('7:before');
    expect(await ops.write(caller, move({ read: thingState }), moveArgs)).toEqual({ state: '7:after' });
    expect(upstream.calls('POST', '/things/7/move')).toEqual([
      {
        method: 'POST',
        path: '/things/7/move',
        query: { workspace_id: 1 },
        body: { reason: 'why', zero: 0, no: false, empty: '' },
      },
    ]);
    // The read-back was a fresh upstream read, and the caller's next read sees the new state.
    expect(upstream.calls('GET', '/things/7')).toHaveLength(2);
    expect(await ops.read(caller, thing, { workspaceId: 1, id: 7 })).toBe('7:after');
  });

  it('a read-back may read a page of a list', async () => {
    const { upstream, ops, caller } = setup();
    upstream.answers.set('POST /things/7/move', { success: true, data: { state: 'moved' } });
    upstream.answers.set('GET /things', pageOf([7], 1, 1));
    const op = move({
      read: async (reads, a) => {
        const page = await reads.page(things, { workspaceId: a.workspaceId }, 1);
        return { state: `listed ${page.items.join(',')}` };
      },
    });
    expect(await ops.write(caller, op, moveArgs)).toEqual({ state: 'listed 70' });
  });

  it('a write without a body sends none', async () => {
    const { upstream, ops, caller } = setup();
    const stop = write<object, unknown, Moved>({
      name: 'stop',
      method: 'DELETE',
      path: '/stop',
      verb: 'stop',
      subject: 'tracker',
      stale: () => [],
      told: () => ({ state: 'stopped' }),
    });
    upstream.answers.set('DELETE /stop', { success: true });
    expect(await ops.write(caller, stop, {})).toEqual({ state: 'stopped' });
    expect(upstream.sent).toEqual([{ method: 'DELETE', path: '/stop', query: undefined, body: undefined }]);
  });

  it('without a read-back, the answer is what the write told', async () => {
    const { upstream, ops, caller } = setup();
    upstream.answers.set('POST /things/7/move', { success: true, data: { state: 'moved' } });
    expect(await ops.write(caller, move(), moveArgs)).toEqual({ state: 'moved', note: 'told' });
    expect(upstream.sent).toHaveLength(1);
  });

  it('merge combines the state read back with what the write told', async () => {
    const { upstream, ops, caller } = setup();
    upstream.answers.set('POST /things/7/move', { success: true, data: { state: 'moved' } });
    upstream.answers.set('GET /things/7', { success: true, data: { name: 'fresh' } });
    const merged = await ops.write(
      caller,
      move({ read: thingState, merge: (fresh, told) => ({ ...fresh, note: told.note }) }),
      moveArgs,
    );
    expect(merged).toEqual({ state: '7:fresh', note: 'told' });
  });

  it.each([
    ['throws', new GatewayError('UPSTREAM_UNAVAILABLE', 'down')],
    ['times out', new GatewayError('UPSTREAM_TIMEOUT', 'slow')],
  ])('a read-back that %s does not fail the write: what it told, marked readBackFailed', async (_, err) => {
    const { upstream, ops, caller } = setup();
    upstream.answers.set('POST /things/7/move', { success: true, data: { state: 'moved' } });
    upstream.answers.set('GET /things/7', err);
    expect(await ops.write(caller, move({ read: thingState }), moveArgs)).toEqual({
      state: 'moved',
      note: 'told',
      readBackFailed: true,
    });
    expect(upstream.calls('POST', '/things/7/move')).toHaveLength(1);
  });

  it('a read-back that finds nothing (null) also answers what the write told, marked', async () => {
    const { upstream, ops, caller } = setup();
    upstream.answers.set('POST /things/7/move', { success: true, data: { state: 'moved' } });
    expect(await ops.write(caller, move({ read: async () => null }), moveArgs)).toEqual({
      state: 'moved',
      note: 'told',
      readBackFailed: true,
    });
  });

  it('a refused write is its error: nothing invalidated, nothing read back, never re-sent', async () => {
    const { upstream, ops, caller } = setup();
    upstream.answers.set('GET /things/7', { success: true, data: { name: 'kept' } });
    await ops.read(caller, thing, { workspaceId: 1, id: 7 });
    const refusal = new GatewayError('BAD_USER_INPUT', 'no', { argument: 'input' });
    upstream.answers.set('POST /things/7/move', refusal);
    const applied = jest.fn(() => true);
    await expect(ops.write(caller, move({ read: thingState, applied }), moveArgs)).rejects.toBe(refusal);
    expect(applied).not.toHaveBeenCalled();
    expect(upstream.calls('POST', '/things/7/move')).toHaveLength(1);
    expect(upstream.calls('GET', '/things/7')).toHaveLength(1);
  });

  it('a business-rule refusal names the mutation WebWork refused, in the message and in operation', async () => {
    const { upstream, ops, caller } = setup();
    upstream.answers.set(
      'POST /things/7/move',
      new GatewayError('UPSTREAM_REJECTED', 'WebWork refused it: already moved', {
        argument: 'input.id',
        upstreamStatus: 400,
      }),
    );
    const refused = (await ops.write(caller, move(), moveArgs).catch((e: unknown) => e)) as GatewayError;
    expect(refused).toBeInstanceOf(GatewayError);
    expect(refused.message).toBe('WebWork refused moveThing: already moved');
    expect(refused.extensions).toEqual({
      code: 'UPSTREAM_REJECTED',
      argument: 'input.id',
      upstreamStatus: 400,
      operation: 'moveThing',
    });
    // Other refusals pass as they are: the operation is named only on business-rule refusals.
    const other = new GatewayError('FORBIDDEN', 'WebWork refused it: not yours');
    upstream.answers.set('POST /things/7/move', other);
    await expect(ops.write(caller, move(), moveArgs)).rejects.toBe(other);
  });

  it('an error that is not a GatewayError is rethrown as it is', async () => {
    const { upstream, ops, caller } = setup();
    const boom = new Error('boom');
    upstream.answers.set('POST /things/7/move', boom);
    await expect(ops.write(caller, move({ read: thingState, applied: () => true }), moveArgs)).rejects.toBe(
      boom,
    );
    expect(upstream.sent).toHaveLength(1);
  });

  describe('a write that timed out', () => {
    const timeout = new GatewayError('UPSTREAM_TIMEOUT', 'slow');

    it('is settled by reading the state (never re-sending): applied → the state', async () => {
      const { upstream, ops, caller } = setup();
      let name = 'before';
      upstream.answers.set('GET /things/7', () => ({ success: true, data: { name } }));
      await ops.read(caller, thing, { workspaceId: 1, id: 7 });
      upstream.answers.set('POST /things/7/move', () => {
        name = 'after'; // WebWork applied it, and answered too late
        return timeout;
      });
      const op = move({ read: thingState, applied: (s) => s.state === '7:after' });
      expect(await ops.write(caller, op, moveArgs)).toEqual({ state: '7:after' });
      expect(upstream.calls('POST', '/things/7/move')).toHaveLength(1);
      // The cached 'before' was invalidated for the settling read and for the next reads.
      expect(await ops.read(caller, thing, { workspaceId: 1, id: 7 })).toBe('7:after');
    });

    it('not applied → UPSTREAM_TIMEOUT saying what to read before sending it again', async () => {
      const { upstream, ops, caller } = setup();
      upstream.answers.set('GET /things/7', { success: true, data: { name: 'before' } });
      upstream.answers.set('POST /things/7/move', timeout);
      const op = move({ read: thingState, applied: (s) => s.state === '7:after' });
      const error = await ops.write(caller, op, moveArgs).catch((e: GatewayError) => e);
      expect(error).not.toBe(timeout);
      expect(error).toMatchObject({
        code: 'UPSTREAM_TIMEOUT',
        message:
          'WebWork did not answer the move in time, and whether it was applied is not known yet. Read the thing before sending the move again.',
      });
      expect(upstream.calls('POST', '/things/7/move')).toHaveLength(1);
    });

    it('state unreadable → the same unknown-outcome UPSTREAM_TIMEOUT', async () => {
      const { upstream, ops, caller } = setup();
      upstream.answers.set('GET /things/7', new GatewayError('UPSTREAM_UNAVAILABLE', 'down'));
      upstream.answers.set('POST /things/7/move', timeout);
      const applied = jest.fn(() => true);
      const error = await ops
        .write(caller, move({ read: thingState, applied }), moveArgs)
        .catch((e: GatewayError) => e);
      expect(error).toMatchObject({
        code: 'UPSTREAM_TIMEOUT',
        message: expect.stringContaining('not known'),
      });
      expect(applied).not.toHaveBeenCalled();
    });

    it('a write that cannot tell whether it was applied keeps the timeout error', async () => {
      const { upstream, ops, caller } = setup();
      upstream.answers.set('POST /things/7/move', timeout);
      await expect(ops.write(caller, move({ read: thingState }), moveArgs)).rejects.toBe(timeout);
      await expect(ops.write(caller, move(), moveArgs)).rejects.toBe(timeout);
      expect(upstream.calls('GET', '/things/7')).toHaveLength(0);
    });
  });

  it('invalidates the tags of reads that declare they change with the write (changedBy)', async () => {
    const { upstream, reader, caller } = setup();
    const op = move();
    const dependent = list({
      ...things,
      name: 'dependentThings',
      changedBy: [{ write: op as never, tags: (a: any) => [`ws:${a.workspaceId}:things`] }],
    });
    const ops = new Operations({
      upstream: upstream as unknown as UpstreamClient,
      reader,
      cacheConfig: { ttl: TTL, staleSeconds: 120 } as never,
      staleTags: staleTagsAfter([dependent as never]),
    });
    let n = 0;
    upstream.answers.set('GET /things', () => pageOf([++n], 1, 1));
    upstream.answers.set('POST /things/7/move', { success: true, data: { state: 'moved' } });
    expect(await ops.all(caller, dependent, { workspaceId: 1 })).toEqual([10]);
    await ops.write(caller, op, moveArgs);
    expect(await ops.all(caller, dependent, { workspaceId: 1 })).toEqual([20]);
  });
});
