import { tags } from '../../src/cache/keys.js';
import { CATALOGUE } from '../../src/catalogue/index.js';
import { changedBy, list, write, type Operation } from '../../src/catalogue/operation.js';
import {
  coverage,
  readTags,
  staleReadsTable,
  staleTagsAfter,
  tagPattern,
} from '../../src/catalogue/stale-reads.js';
import { startTracking } from '../../src/catalogue/tracking.operations.js';
import { WEBWORK_EVENTS } from '../../src/catalogue/events.js';

/** The checks the derived table must pass, as functions so they can be shown to fail on a bad catalogue. */
function writesInvalidatingNothing(catalogue: readonly Operation[]): string[] {
  return staleReadsTable(catalogue).flatMap((row) => {
    const carried = new Set(readTags(catalogue).flatMap((r) => r.tags));
    return row.tags.filter((tag) => !carried.has(tag)).map((tag) => `${row.change} invalidates ${tag}`);
  });
}

function readsNothingInvalidates(catalogue: readonly Operation[]): string[] {
  const reached = new Set(staleReadsTable(catalogue).flatMap((row) => row.tags));
  return readTags(catalogue)
    .filter((r) => !r.tags.some((tag) => reached.has(tag)))
    .map((r) => `${r.read} (${r.tags.join(', ')})`);
}

describe('the write → stale-reads table, derived from the catalogue', () => {
  it('no write or event invalidates a tag that no read is filed under', () => {
    expect(writesInvalidatingNothing(CATALOGUE)).toEqual([]);
  });

  it('every read can be reached by a write or a WebWork event that changes its data', () => {
    expect(readsNothingInvalidates(CATALOGUE)).toEqual([]);
  });

  it('tracking writes make the tracker stale, for every caller', () => {
    const start = staleReadsTable(CATALOGUE).find((row) => row.change === 'POST /time-tracking/start')!;
    expect(start.tags).toContain('ws:*:tracker:*');
    expect(start.reads).toContain('tracker (GET /time-tracking/current-data)');
  });

  it('bites: a write with a tag no read carries, and a read no change reaches, are both reported', () => {
    const orphanWrite = write<{ workspaceId: number }, unknown, object>({
      name: 'orphanWrite',
      method: 'POST',
      path: '/nowhere',
      verb: 'touch',
      subject: 'nothing',
      stale: (a) => [tags.workspaceResource(a.workspaceId, 'nobody-reads-this')],
      told: () => ({}),
    });
    const orphanRead = list<{ workspaceId: number }, unknown, unknown>({
      name: 'orphanRead',
      path: '/unreachable',
      cache: 'lists',
      tags: (a) => [tags.workspaceResource(a.workspaceId, 'nobody-writes-this')],
      map: (w) => w,
    });
    const bad = [...CATALOGUE, orphanWrite, orphanRead];
    expect(writesInvalidatingNothing(bad)).toEqual(['POST /nowhere invalidates ws:*:nobody-reads-this']);
    expect(readsNothingInvalidates(bad)).toEqual(['orphanRead (GET /unreachable) (ws:*:nobody-writes-this)']);
  });

  it('a read that declares it changes with another group’s write is invalidated by that write', () => {
    const builtFromTime = list<{ workspaceId: number }, unknown, unknown>({
      name: 'builtFromTime',
      path: '/derived',
      cache: 'lists',
      tags: (a) => [tags.workspaceResource(a.workspaceId, 'derived')],
      changedBy: [changedBy(startTracking, (a) => [tags.workspaceResource(a.workspaceId, 'derived')])],
      map: (w) => w,
    });
    const staleAfter = staleTagsAfter([startTracking, builtFromTime]);
    expect(staleAfter(startTracking as never, { workspaceId: 3, userId: 9 })).toEqual([
      tags.tracker(3, 9),
      'ws:3:derived',
    ]);
    expect(staleTagsAfter([startTracking])(startTracking as never, { workspaceId: 3, userId: 9 })).toEqual([
      tags.tracker(3, 9),
    ]);
  });

  it('a tag named by the write and by a dependent read, or by two dependents, is invalidated once', () => {
    const dependent = (name: string, extra: string) =>
      list<{ workspaceId: number }, unknown, unknown>({
        name,
        path: `/${name}`,
        cache: 'lists',
        tags: (a) => [tags.workspaceResource(a.workspaceId, extra)],
        changedBy: [
          changedBy(startTracking, (a) => [
            tags.tracker(a.workspaceId, a.userId),
            tags.workspaceResource(a.workspaceId, extra),
          ]),
        ],
        map: (w) => w,
      });
    const staleAfter = staleTagsAfter([
      dependent('one', 'derived'),
      dependent('two', 'derived'),
      startTracking as never,
    ]);
    expect(staleAfter(startTracking as never, { workspaceId: 3, userId: 9 })).toEqual([
      tags.tracker(3, 9),
      'ws:3:derived',
    ]);
  });

  it('each write and each WebWork event has its row, listing exactly the reads its tags reach', () => {
    const table = staleReadsTable(CATALOGUE);
    const writes = CATALOGUE.filter((op) => op.kind === 'write');
    expect(table.map((row) => row.change)).toEqual([
      ...writes.map((op) => `${op.method} ${op.path}`),
      ...WEBWORK_EVENTS.map((e) => `event ${e.name}`),
    ]);
    const started = table.find((row) => row.change === 'event tracker.started')!;
    expect(started.tags).toEqual(['ws:*:tracker:*']);
    const carrying = readTags(CATALOGUE)
      .filter((r) => r.tags.includes('ws:*:tracker:*'))
      .map((r) => r.read);
    expect(started.reads).toEqual(carrying);
    expect(carrying.length).toBeGreaterThan(0);
    expect(carrying.length).toBeLessThan(readTags(CATALOGUE).length);
  });

  it('a read’s tags are listed as patterns, each shape once', () => {
    const member = readTags(CATALOGUE).find((r) => r.read === 'member (GET /members/{memberId})')!;
    expect(member.tags.every((t) => !/\{|\d/.test(t))).toBe(true);
    expect(new Set(member.tags).size).toBe(member.tags.length);
    expect(readTags(CATALOGUE).some((r) => r.read.startsWith('startTracking'))).toBe(false);
  });

  it('patterns ignore argument values', () => {
    expect(tagPattern('ws:{workspaceId}:member:{id}')).toBe('ws:*:member:*');
  });
});

describe('operation coverage', () => {
  it("lists WebWork's 70 operations, the described ones with their descriptor", () => {
    const ops = coverage(CATALOGUE);
    expect(ops).toHaveLength(70);
    const described = ops.filter((o) => o.operation !== null);
    expect(described.length).toBe(CATALOGUE.length);
    expect(described).toContainEqual({ method: 'GET', path: '/members/{memberId}', operation: 'member' });
  });

  it('every descriptor names a real WebWork operation, and each once', () => {
    const names = CATALOGUE.map((op) => `${op.method} ${op.path}`);
    expect(new Set(names).size).toBe(names.length);
    const known = new Set(coverage([]).map((o) => `${o.method} ${o.path}`));
    expect(names.filter((n) => !known.has(n))).toEqual([]);
  });
});
