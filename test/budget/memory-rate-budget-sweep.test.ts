import { MemoryRateBudget } from '../../src/budget/index.js';
import { callerScope } from '../../src/cache/keys.js';

/**
 * The sweep bounds MemoryRateBudget's memory: every caller with a token leaves an entry, and a
 * gateway sees unbounded many tokens over its life. It runs on every 1000th take and forgets exactly
 * the callers with no call left in the window and no block left. Nothing but the size of its map
 * shows this (decisions are the same either way: rate-budget-edges.test.ts checks those), so these
 * tests read that private map.
 */

const scope = (name: string) => callerScope(`${name}-${Math.random()}`);
const sizeOf = (budget: MemoryRateBudget) => (budget as unknown as { logs: Map<string, unknown> }).logs.size;

it('sweeps on the 1000th take, not before, and forgets the idle callers then', async () => {
  let now = 1_000_000;
  const budget = new MemoryRateBudget({ limit: 5, windowSeconds: 10, clock: () => now });
  for (let i = 0; i < 998; i++) await budget.take(scope(`idle-${i}`));
  now += 10_000; // every call so far has left the window
  await budget.take(scope('take-999'));
  expect(sizeOf(budget)).toBe(999); // no sweep yet
  await budget.take(scope('take-1000'));
  expect(sizeOf(budget)).toBe(2); // swept: the two callers with a call still in the window stay
  // And again 1000 takes later, forgetting those two (a call exactly a window old is out of it).
  now += 10_000;
  for (let i = 0; i < 999; i++) await budget.take(scope(`later-${i}`));
  expect(sizeOf(budget)).toBe(1001);
  await budget.take(scope('later-1000'));
  expect(sizeOf(budget)).toBe(1000);
});

it('forgets a caller exactly when its last call leaves the window and its block ends', async () => {
  let now = 1_000_000;
  const budget = new MemoryRateBudget({ limit: 5, windowSeconds: 10, clock: () => now });
  await budget.take(scope('called'));
  await budget.blockFor(scope('only-blocked'), 5); // a block and no call at all
  now += 10_000; // the call is exactly a window old, the block ended 5 s ago
  for (let i = 0; i < 999; i++) await budget.take(scope(`other-${i}`)); // the 1000th take sweeps first
  // Left: the 999 callers of this round (the 1000th take swept before counting its caller).
  expect(sizeOf(budget)).toBe(999);
});

it('keeps a blocked caller while the block lasts, and forgets it at the sweep when it has ended', async () => {
  let now = 1_000_000;
  const budget = new MemoryRateBudget({ limit: 5, windowSeconds: 10, clock: () => now });
  await budget.blockFor(scope('blocked'), 20);
  now += 19_999;
  for (let i = 0; i < 1000; i++) await budget.take(scope(`a-${i}`)); // sweeps at the 1000th
  expect(sizeOf(budget)).toBe(1001); // still blocked for 1 ms: kept
  now += 1; // the block ends exactly now; the calls above are 1 ms old
  for (let i = 0; i < 1000; i++) await budget.take(scope(`b-${i}`));
  expect(sizeOf(budget)).toBe(2000); // only the blocked caller went
});
