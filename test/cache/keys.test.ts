import {
  cacheKey,
  callerEntryTags,
  callerScope,
  callerTags,
  rateBudgetKeys,
  revokedTags,
  tags,
} from '../../src/cache/keys.js';

describe('callerScope', () => {
  it('is a stable 32-hex-char hash that does not contain the token', () => {
    const token = 'secret-token-0123456789';
    const scope = callerScope(token);
    expect(scope.id).toMatch(/^[0-9a-f]{32}$/);
    expect(scope.id).not.toContain(token);
    expect(callerScope(token)).toEqual(scope);
    expect(callerScope('another-token').id).not.toBe(scope.id);
  });

  it('is keyed by the secret when one is given', () => {
    const plain = callerScope('token');
    const a = callerScope('token', 'secret-a');
    expect(a.id).toMatch(/^[0-9a-f]{32}$/);
    expect(a.id).not.toBe(plain.id);
    expect(callerScope('token', 'secret-b').id).not.toBe(a.id);
  });
});

describe('cacheKey', () => {
  const scope = callerScope('token');

  it('is scoped, sorted and drops undefined/null params', () => {
    expect(
      cacheKey(scope, 'members', { workspace_id: 1, per_page: 100, page: 1, search: undefined, x: null }),
    ).toBe(`u:${scope.id}:members:page=1&per_page=100&workspace_id=1`);
  });

  it('does not depend on the order params were written in', () => {
    expect(cacheKey(scope, 'tasks', { b: 2, a: true })).toBe(cacheKey(scope, 'tasks', { a: true, b: 2 }));
  });

  it('differs between callers, resources and param values', () => {
    const key = cacheKey(scope, 'projects', { workspace_id: 7 });
    expect(cacheKey(callerScope('other'), 'projects', { workspace_id: 7 })).not.toBe(key);
    expect(cacheKey(scope, 'contracts', { workspace_id: 7 })).not.toBe(key);
    expect(cacheKey(scope, 'projects', { workspace_id: 8 })).not.toBe(key);
    expect(cacheKey(scope, 'projects')).toBe(`u:${scope.id}:projects:`);
  });

  it('encodes separators so different params cannot collide', () => {
    expect(cacheKey(scope, 'search', { q: 'a&b=c' })).not.toBe(cacheKey(scope, 'search', { q: 'a', b: 'c' }));
    expect(cacheKey(scope, 'search', { q: 'a&b=c' })).toBe(`u:${scope.id}:search:q=a%26b%3Dc`);
  });

  it('rejects resource names that would make keys ambiguous', () => {
    expect(() => cacheKey(scope, 'members:1')).toThrow(/without ':'/);
    expect(() => cacheKey(scope, '')).toThrow(/without ':'/);
  });

  it('requires a caller scope (compile-time)', () => {
    // @ts-expect-error an unscoped key must not compile
    expect(() => cacheKey('members')).toThrow();
  });
});

describe('tags', () => {
  it('names tags by workspace and resource, without any caller scope', () => {
    expect(tags.workspace(7)).toBe('ws:7');
    expect(tags.workspaceResource(7, 'contracts')).toBe('ws:7:contracts');
    expect(tags.tracker(7, 42)).toBe('ws:7:tracker:42');
    expect(tags.member('7', '42')).toBe('ws:7:member:42');
    expect(tags.project(7, 9)).toBe('ws:7:project:9');
  });
});

describe('caller-scoped tags', () => {
  const scope = callerScope('token');

  it('file an entry under the caller and the workspace its request named, or the workspace list', () => {
    expect(callerEntryTags(scope, 7)).toEqual([`c:${scope.id}`, `c:${scope.id}:ws:7`]);
    expect(callerEntryTags(scope, undefined)).toEqual([`c:${scope.id}`, `c:${scope.id}:workspaces`]);
    expect(callerTags.workspace(callerScope('other'), 7)).not.toBe(callerTags.workspace(scope, 7));
    expect(
      Object.values(tags).some((tag) => (tag as (a: number, b: number) => string)(7, 1).startsWith('c:')),
    ).toBe(false);
  });

  it('a 403 in a workspace revokes that workspace and the workspace list; a 401 everything', () => {
    expect(revokedTags(scope, { status: 403, workspaceId: 7 })).toEqual([
      callerTags.workspace(scope, 7),
      callerTags.workspaceList(scope),
    ]);
    expect(revokedTags(scope, { status: 401, workspaceId: 7 })).toEqual([callerTags.all(scope)]);
    expect(revokedTags(scope, { status: 403 })).toEqual([callerTags.all(scope)]);
  });
});

describe('rateBudgetKeys', () => {
  it('scopes budget keys by the caller scope id', () => {
    const scope = callerScope('token');
    expect(rateBudgetKeys('wwgw', scope)).toEqual({
      window: `wwgw:rate:${scope.id}`,
      block: `wwgw:rate:${scope.id}:block`,
    });
  });
});
