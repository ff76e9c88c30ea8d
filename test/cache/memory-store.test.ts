import { MemoryStore } from '../../src/cache/memory-store.js';
import { cacheKey, callerScope } from '../../src/cache/keys.js';
import { describeCacheStoreContract } from './store-contract.js';

describeCacheStoreContract('MemoryStore', async () => new MemoryStore());

describe('MemoryStore', () => {
  it('stays within maxEntries, dropping the least recently used entry', async () => {
    const store = new MemoryStore({ maxEntries: 2 });
    const scope = callerScope('t');
    const [a, b, c] = ['a', 'b', 'c'].map((id) => cacheKey(scope, 'item', { id }));
    await store.set(a!, 'a', 60, ['tag']);
    await store.set(b!, 'b', 60, ['tag']);
    await store.get(a!); // a is now more recently used than b
    await store.set(c!, 'c', 60, ['tag']);
    expect((await store.getMany([a!, b!, c!])).map((e) => e?.value)).toEqual(['a', undefined, 'c']);
    await store.invalidateTags(['tag']);
    expect(await store.getMany([a!, b!, c!])).toEqual([undefined, undefined, undefined]);
  });
});
