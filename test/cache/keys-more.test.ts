import {
  allPagesKey,
  cacheKey,
  cacheNamespace,
  callerEntryTags,
  callerScope,
  callerTags,
  invalidationChannel,
  loaderKey,
  persistedQueryKeyPrefix,
  tagSetKey,
  tags,
  wholeResponseKey,
} from '../../src/cache/keys.js';

/** The key builders keys.test.ts does not reach: every other key the gateway builds, exactly. */

const scope = callerScope('token');

describe('allPagesKey', () => {
  it('is the page-1 key with page "*", which no cache entry has', () => {
    const params = { workspace_id: 7, per_page: 100 };
    const key = allPagesKey(scope, 'members', params);
    expect(key).toBe(`u:${scope.id}:members:page=*&per_page=100&workspace_id=7`);
    expect(key).not.toBe(cacheKey(scope, 'members', { ...params, page: 1 }));
    expect(allPagesKey(scope, 'members', { ...params, page: 3 })).toBe(key);
    expect(allPagesKey(callerScope('other'), 'members', params)).not.toBe(key);
  });
});

describe('loaderKey', () => {
  it('is workspace and id, so the same id in two workspaces is two objects', () => {
    expect(loaderKey({ workspaceId: 7, id: 42 })).toBe('7:42');
    expect(loaderKey({ workspaceId: '8', id: '42' })).not.toBe(loaderKey({ workspaceId: 7, id: 42 }));
  });
});

describe('the remaining tags', () => {
  it('names the workspace list, a task and the caller’s own tags exactly', () => {
    expect(tags.workspaceList()).toBe('workspaces');
    expect(tags.task(7, 31)).toBe('ws:7:task:31');
    expect(callerTags.all(scope)).toBe(`c:${scope.id}`);
    expect(callerTags.workspaceList(scope)).toBe(`c:${scope.id}:workspaces`);
    expect(callerTags.workspace(scope, 7)).toBe(`c:${scope.id}:ws:7`);
    // null, like undefined, means the request named no workspace.
    expect(callerEntryTags(scope, null)).toEqual([`c:${scope.id}`, `c:${scope.id}:workspaces`]);
    expect(callerEntryTags(scope, 0)).toEqual([`c:${scope.id}`, `c:${scope.id}:ws:0`]);
  });
});

describe('the Redis key space', () => {
  it('namespaces, tag sets, the invalidation channel and persisted queries', () => {
    expect(cacheNamespace('wwgw', 3)).toBe('wwgw:v3:');
    expect(tagSetKey('ws:7')).toBe('tag:ws:7');
    expect(invalidationChannel('wwgw')).toBe('wwgw:invalidations');
    expect(persistedQueryKeyPrefix('wwgw')).toBe('wwgw:pq:');
  });
});

describe('wholeResponseKey', () => {
  it('is the caller scope and a hash of the exact body', () => {
    const key = wholeResponseKey(scope, '{"query":"{ me { id } }"}');
    expect(key).toMatch(new RegExp(`^${scope.id}:[A-Za-z0-9_-]{27}$`));
    expect(wholeResponseKey(scope, '{"query":"{ me { id } }"}')).toBe(key);
    expect(wholeResponseKey(scope, '{"query":"{ me { name } }"}')).not.toBe(key);
    expect(wholeResponseKey(callerScope('other'), '{"query":"{ me { id } }"}')).not.toBe(key);
  });
});
