import { callerScope } from '../../src/cache/keys.js';
import { ReadCollector } from '../../src/cache/read-collector.js';
import { WholeResponseCache } from '../../src/server/whole-response-cache.js';

const RESPONSE = { data: { workspace: { name: 'A' } } };
const REQUEST = { query: '{ workspace(workspaceId: 1) { name } }' };

describe('WholeResponseCache: the race with invalidations', () => {
  let now = 1_000_000;
  const cache = () => new WholeResponseCache({ maxBytes: 1 << 20, maxAgeMs: 30_000, clock: () => now });
  const freshReads = (tags: string[]) => {
    const reads = new ReadCollector();
    reads.record(tags, now + 60_000);
    return reads;
  };

  it('keeps a response built from fresh reads', () => {
    const responses = cache();
    const key = responses.key(callerScope('a'), REQUEST);
    responses.offer(key, now, freshReads(['ws:1:projects']), RESPONSE);
    expect(responses.get(key)).toEqual(RESPONSE);
  });

  it('refuses a response whose reads began before an invalidation of one of their tags', () => {
    const responses = cache();
    const key = responses.key(callerScope('a'), REQUEST);
    const startedAt = now;
    const reads = freshReads(['ws:1:projects']);
    now += 5; // a write elsewhere invalidates what this request read, before it answers
    responses.invalidateTags(['ws:1:projects']);
    responses.offer(key, startedAt, reads, RESPONSE);
    expect(responses.get(key)).toBeUndefined();
  });

  it('an invalidation of other tags does not refuse it', () => {
    const responses = cache();
    const key = responses.key(callerScope('a'), REQUEST);
    const startedAt = now;
    now += 5;
    responses.invalidateTags(['ws:1:members']);
    responses.offer(key, startedAt, freshReads(['ws:1:projects']), RESPONSE);
    expect(responses.get(key)).toEqual(RESPONSE);
  });
});

describe('ReadCollector: a request that wrote is never reused', () => {
  it('markWrite makes fresh reads unreusable', () => {
    const reads = new ReadCollector();
    reads.record(['ws:1:projects'], Date.now() + 60_000);
    expect(reads.reusableForMs(Date.now())).toBeGreaterThan(0);
    reads.markWrite();
    expect(reads.reusableForMs(Date.now())).toBe(0);
  });
});
