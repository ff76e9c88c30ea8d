import type { CacheStore } from '../../src/cache/cache-store.js';
import { cacheKey, callerScope, tags } from '../../src/cache/keys.js';
import { eventually } from './redis-test-utils.js';

/**
 * The behaviour every `CacheStore` must share, run against each implementation so the in-memory store
 * used without Redis cannot drift from the Redis one.
 */
export function describeCacheStoreContract(name: string, makeStore: () => Promise<CacheStore>): void {
  describe(`${name}: CacheStore contract`, () => {
    let store: CacheStore;
    const alice = callerScope('token-alice');
    const bob = callerScope('token-bob');

    beforeEach(async () => {
      store = await makeStore();
    });

    afterEach(async () => {
      await store.close();
    });

    it('returns what was set, with the time it was stored', async () => {
      const key = cacheKey(alice, 'members', { workspace_id: 1 });
      const before = Date.now();
      await store.set(key, '{"id":1}', 60, []);
      const entry = await store.get(key);
      expect(entry?.value).toBe('{"id":1}');
      expect(entry?.storedAt).toBeGreaterThanOrEqual(before - 5);
      expect(entry?.storedAt).toBeLessThanOrEqual(Date.now() + 5);
    });

    it('misses on a key never set, and keeps scopes apart', async () => {
      await store.set(cacheKey(alice, 'members'), 'alice', 60, []);
      expect(await store.get(cacheKey(bob, 'members'))).toBeUndefined();
      expect((await store.get(cacheKey(alice, 'members')))?.value).toBe('alice');
    });

    it('keeps values containing the separator and unicode intact', async () => {
      const key = cacheKey(alice, 'projects');
      const value = '123:{"name":"a:b","emoji":"✓"}';
      await store.set(key, value, 60, []);
      expect((await store.get(key))?.value).toBe(value);
    });

    it('getMany answers in key order with a miss per absent key', async () => {
      const [k1, k2, k3] = ['a', 'b', 'c'].map((id) => cacheKey(alice, 'project', { id }));
      await store.set(k1!, 'one', 60, []);
      await store.set(k3!, 'three', 60, []);
      const entries = await store.getMany([k3!, k2!, k1!]);
      expect(entries.map((e) => e?.value)).toEqual(['three', undefined, 'one']);
      expect(await store.getMany([])).toEqual([]);
    });

    it('expires an entry after its TTL while a longer-lived one stays', async () => {
      const short = cacheKey(alice, 'tracker', { user_id: 1 });
      const long = cacheKey(alice, 'tracker', { user_id: 2 });
      await store.set(short, 'short', 1, []);
      await store.set(long, 'long', 60, []);
      expect((await store.get(short))?.value).toBe('short');
      expect(await eventually(async () => (await store.get(short)) === undefined, 3000)).toBe(true);
      expect((await store.get(long))?.value).toBe('long');
    });

    it('invalidating a tag deletes the entries of every caller carrying it, and nothing else', async () => {
      const contracts = tags.workspaceResource(7, 'contracts');
      const aliceKey = cacheKey(alice, 'contracts', { workspace_id: 7 });
      const bobKey = cacheKey(bob, 'contracts', { workspace_id: 7 });
      const bobProjects = cacheKey(bob, 'projects', { workspace_id: 7 });
      const otherWorkspace = cacheKey(alice, 'contracts', { workspace_id: 8 });
      await store.set(aliceKey, 'a', 60, [tags.workspace(7), contracts]);
      await store.set(bobKey, 'b', 60, [tags.workspace(7), contracts]);
      await store.set(bobProjects, 'p', 60, [tags.workspace(7), tags.workspaceResource(7, 'projects')]);
      await store.set(otherWorkspace, 'o', 60, [tags.workspace(8), tags.workspaceResource(8, 'contracts')]);

      await store.invalidateTags([contracts]);

      expect(await store.get(aliceKey)).toBeUndefined();
      expect(await store.get(bobKey)).toBeUndefined();
      expect((await store.get(bobProjects))?.value).toBe('p');
      expect((await store.get(otherWorkspace))?.value).toBe('o');

      await store.invalidateTags([tags.workspace(7), 'never-used-tag']);
      expect(await store.get(bobProjects)).toBeUndefined();
      expect((await store.get(otherWorkspace))?.value).toBe('o');
    });

    it('an entry set again after an invalidation is reachable by the tag again', async () => {
      const tag = tags.tracker(7, 42);
      const key = cacheKey(alice, 'tracker', { user_id: 42 });
      await store.set(key, 'v1', 60, [tag]);
      await store.invalidateTags([tag]);
      await store.set(key, 'v2', 60, [tag]);
      expect((await store.get(key))?.value).toBe('v2');
      await store.invalidateTags([tag]);
      expect(await store.get(key)).toBeUndefined();
    });
  });
}
