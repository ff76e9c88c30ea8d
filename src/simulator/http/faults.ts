import { setTimeout as sleep } from 'node:timers/promises';
import type { SimulatorOptions } from '../options.js';

export type FaultSettings = Pick<SimulatorOptions, 'latencyMs' | 'jitterMs' | 'failRate' | 'hangRate'> & {
  /**
   * Which requests `failRate` and `hangRate` apply to: HTTP methods (upper case; empty = all) and a
   * regular expression tested against the path without the query (unset = all). Set at run time only
   * (`POST /__sim/config`), so a test can break one route, e.g. GETs of `/projects/\\d+/tasks`.
   */
  faultMethods?: readonly string[];
  faultPathPattern?: string;
  /**
   * Milliseconds to hold the answer of an in-scope request AFTER it was handled (its effect applied).
   * Set at run time only. Models the upstream that applies a write and then answers too late: the
   * client times out without knowing the write happened.
   */
  answerDelayMs?: number;
};

/**
 * Injected latency and faults for tests and benchmarks. Uses its own PRNG (not the data seed), so
 * turning faults on does not change the seeded data.
 */
export class FaultInjector {
  private state: number;
  private options: FaultSettings;
  private pathPattern: RegExp | undefined;

  constructor(options: FaultSettings & { seed: number }) {
    this.options = {
      latencyMs: options.latencyMs,
      jitterMs: options.jitterMs,
      failRate: options.failRate,
      hangRate: options.hangRate,
    };
    this.state = options.seed ^ 0x9e3779b9;
  }

  /** Changes faults at run time (`POST /__sim/config`), e.g. to make a running upstream fail. */
  configure(changes: Partial<FaultSettings>): FaultSettings {
    this.options = { ...this.options, ...changes };
    this.pathPattern = this.options.faultPathPattern ? new RegExp(this.options.faultPathPattern) : undefined;
    return this.settings;
  }

  get settings(): FaultSettings {
    return { ...this.options };
  }

  async delay(): Promise<void> {
    const jitter = this.options.jitterMs ? this.next() * this.options.jitterMs : 0;
    const ms = this.options.latencyMs + jitter;
    if (ms > 0) await sleep(ms);
  }

  /** Waits `answerDelayMs` before an in-scope, already-handled request is answered. */
  async delayAnswer(method: string, path: string): Promise<void> {
    const ms = this.options.answerDelayMs ?? 0;
    if (ms > 0 && this.inScope(method, path)) await sleep(ms);
  }

  shouldHang(method: string, path: string): boolean {
    return this.options.hangRate > 0 && this.inScope(method, path) && this.next() < this.options.hangRate;
  }

  shouldFail(method: string, path: string): boolean {
    return this.options.failRate > 0 && this.inScope(method, path) && this.next() < this.options.failRate;
  }

  private inScope(method: string, path: string): boolean {
    const methods = this.options.faultMethods;
    if (methods && methods.length > 0 && !methods.includes(method.toUpperCase())) return false;
    return this.pathPattern === undefined || this.pathPattern.test(path);
  }

  /** mulberry32: tiny, fast, deterministic. */
  private next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
}
