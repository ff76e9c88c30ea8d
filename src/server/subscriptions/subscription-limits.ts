import type { Caller } from '../../datasources/caller.js';
import { GatewayError } from '../../errors/gateway-error.js';
import type { ConnectionState } from './live-context.js';

/**
 * Bounds the subscriptions one connection and one token hold open on this instance
 * (SUBSCRIPTIONS_MAX_PER_CONNECTION, SUBSCRIPTIONS_MAX_PER_TOKEN): each holds a bus listener, a
 * recheck timer and upstream reads per event, so an unbounded client could exhaust the instance
 * or its own rate budget. Counts are per instance (a token's subscriptions on other instances are
 * bounded there). Over a bound: TOO_MANY_SUBSCRIPTIONS naming the limit.
 */
export class SubscriptionLimits {
  private readonly perToken = new Map<string, number>();

  constructor(private readonly limits: { maxPerConnection: number; maxPerToken: number }) {}

  /** Takes a slot; returns the function that gives it back (idempotent). */
  acquire(connection: ConnectionState, caller: Caller): () => void {
    const { maxPerConnection, maxPerToken } = this.limits;
    if (connection.open >= maxPerConnection) {
      throw tooMany('connection', maxPerConnection, 'SUBSCRIPTIONS_MAX_PER_CONNECTION', 'this connection');
    }
    const key = caller.scope.id;
    const held = this.perToken.get(key) ?? 0;
    if (held >= maxPerToken) {
      throw tooMany(
        'token',
        maxPerToken,
        'SUBSCRIPTIONS_MAX_PER_TOKEN',
        'your token on this gateway instance',
      );
    }
    connection.open++;
    this.perToken.set(key, held + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      connection.open--;
      const left = (this.perToken.get(key) ?? 1) - 1;
      if (left > 0) this.perToken.set(key, left);
      else this.perToken.delete(key);
    };
  }
}

const tooMany = (limit: 'connection' | 'token', maximum: number, variable: string, holder: string) =>
  new GatewayError(
    'TOO_MANY_SUBSCRIPTIONS',
    `${holder} already holds ${maximum} open subscriptions, the most allowed (${variable}). Complete one before opening another.`,
    { limit, maximum },
  );
