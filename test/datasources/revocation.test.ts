import { callerScope } from '../../src/cache/keys.js';
import { MemoryStore } from '../../src/cache/memory-store.js';
import { ResponseCache } from '../../src/cache/response-cache.js';
import { CachedReader } from '../../src/datasources/cached-reader.js';
import type { Caller } from '../../src/datasources/caller.js';
import { GatewayError } from '../../src/errors/gateway-error.js';

/**
 * A refusal purges what the refused caller had cached, exactly as far as it reaches: a 401 takes
 * everything of that caller, a 403 on a read they made before takes that workspace and their
 * workspace list, a 403 on a read they never made takes nothing (their role), and other callers
 * keep everything.
 */

const policy = { ttlSeconds: 10, staleSeconds: 60, staleWhileRevalidate: false, tags: ['global'] };

function setup() {
  let now = Date.now();
  const reader = new CachedReader(new ResponseCache(new MemoryStore(), { clock: () => now }));
  const loads: string[] = [];
  const read = (caller: Caller, resource: string, params: Record<string, number | undefined>) =>
    reader.read(caller, resource, params, policy, async () => {
      loads.push(`${caller.token} ${resource}`);
      return `${resource} v${loads.length}`;
    });
  /** Whether `resource` is still cached for `caller` (read without loading). */
  const cached = async (caller: Caller, resource: string, params: Record<string, number | undefined>) => {
    const before = loads.length;
    await read(caller, resource, params);
    return loads.length === before;
  };
  const fail = (caller: Caller, resource: string, params: Record<string, number | undefined>, error: Error) =>
    reader.read(caller, resource, params, policy, () => Promise.reject(error)).catch((e: Error) => e);
  const caller = (token: string): Caller => ({ token, scope: callerScope(`${token}-${Math.random()}`) });
  return {
    reader,
    read,
    cached,
    fail,
    caller,
    /** Makes every entry stale, so the next read loads (and may fail) with the entry present. */
    expire: () => {
      now = Date.now() + 11_000;
    },
    fresh: () => {
      now = Date.now();
    },
  };
}

async function warm(t: ReturnType<typeof setup>, who: Caller) {
  await t.read(who, 'members', { workspace_id: 1 });
  await t.read(who, 'projects', { workspace_id: 1 });
  await t.read(who, 'members', { workspace_id: 2 });
  await t.read(who, 'workspaces', {});
}

async function stillCached(t: ReturnType<typeof setup>, who: Caller) {
  t.fresh();
  return {
    ws1: await t.cached(who, 'projects', { workspace_id: 1 }),
    ws2: await t.cached(who, 'members', { workspace_id: 2 }),
    list: await t.cached(who, 'workspaces', {}),
  };
}

it('403 on a read made before: that workspace and the workspace list go, for that caller only', async () => {
  const t = setup();
  const [alice, bob] = [t.caller('alice'), t.caller('bob')];
  await warm(t, alice);
  await warm(t, bob);
  t.expire();
  const refusal = new GatewayError('FORBIDDEN', 'no');
  expect(await t.fail(alice, 'members', { workspace_id: 1 }, refusal)).toBe(refusal);
  expect(await stillCached(t, alice)).toEqual({ ws1: false, ws2: true, list: false });
  expect(await stillCached(t, bob)).toEqual({ ws1: true, ws2: true, list: true });
});

it('403 on a read never made (a role limit): nothing goes', async () => {
  const t = setup();
  const alice = t.caller('alice');
  await warm(t, alice);
  await t.fail(alice, 'tracker', { workspace_id: 1 }, new GatewayError('FORBIDDEN', 'no'));
  expect(await stillCached(t, alice)).toEqual({ ws1: true, ws2: true, list: true });
});

it('403 on a read made before that names no workspace: everything of that caller goes', async () => {
  const t = setup();
  const [alice, bob] = [t.caller('alice'), t.caller('bob')];
  await warm(t, alice);
  await warm(t, bob);
  t.expire();
  await t.fail(alice, 'workspaces', {}, new GatewayError('FORBIDDEN', 'no'));
  expect(await stillCached(t, alice)).toEqual({ ws1: false, ws2: false, list: false });
  expect(await stillCached(t, bob)).toEqual({ ws1: true, ws2: true, list: true });
});

it('401, even on a read never made: everything of that caller goes, and no one else’s', async () => {
  const t = setup();
  const [alice, bob] = [t.caller('alice'), t.caller('bob')];
  await warm(t, alice);
  await warm(t, bob);
  await t.fail(alice, 'tracker', { workspace_id: 1 }, new GatewayError('UNAUTHENTICATED', 'expired'));
  expect(await stillCached(t, alice)).toEqual({ ws1: false, ws2: false, list: false });
  expect(await stillCached(t, bob)).toEqual({ ws1: true, ws2: true, list: true });
});

it.each([
  ['an outage', new GatewayError('UPSTREAM_UNAVAILABLE', 'down')],
  ['an input error', new GatewayError('BAD_USER_INPUT', 'bad', { argument: 'x' })],
  ['a plain error', new Error('bug')],
  // Only the gateway's own errors are judged: another library's error may carry a `code` like ours.
  ['a foreign error coded UNAUTHENTICATED', Object.assign(new Error('x'), { code: 'UNAUTHENTICATED' })],
])('%s on a read made before purges nothing', async (_, error) => {
  const t = setup();
  const alice = t.caller('alice');
  await warm(t, alice);
  t.expire();
  await t.fail(alice, 'members', { workspace_id: 1 }, error);
  expect(await stillCached(t, alice)).toEqual({ ws1: true, ws2: true, list: true });
});

it('revoke purges as a refusal would, and resolves once done', async () => {
  const t = setup();
  const alice = t.caller('alice');
  await warm(t, alice);
  await t.reader.revoke(alice, { status: 403, workspaceId: 2 });
  expect(await stillCached(t, alice)).toEqual({ ws1: true, ws2: false, list: false });
});
