import type { Scenario } from '../scenario.js';
import { attacks } from './attacks.js';
import { fuzz } from './fuzz.js';
import { isolation } from './isolation.js';
import { rateLimitStorm } from './rate-limit-storm.js';
import { redisOutage } from './redis-outage.js';
import { revocation } from './revocation.js';
import { soak } from './soak.js';
import { trackingWrites } from './tracking-writes.js';
import { upstreamErrors } from './upstream-errors.js';
import { upstreamHang } from './upstream-hang.js';

/** Every scenario, in the order `npm run reliability` runs them. */
export const SCENARIOS: readonly Scenario[] = [
  redisOutage,
  upstreamErrors,
  upstreamHang,
  rateLimitStorm,
  trackingWrites,
  fuzz,
  attacks,
  isolation,
  revocation,
  soak,
];
