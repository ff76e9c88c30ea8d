import { callerScope } from '../cache/keys.js';
import { ReadCollector } from '../cache/read-collector.js';
import type { Caller } from '../datasources/caller.js';
import type { Operations } from '../datasources/operations.js';
import { unauthenticated } from '../errors/gateway-error.js';
import type { LiveBoard } from '../live/live-board.js';
import { createLoaders, type LoaderOptions, type Loaders } from '../loaders/loaders.js';

/**
 * Built per request. The caller comes from `Authorization: Bearer <token>`; without one the
 * context still exists (introspection and the playground work) but any data field fails with
 * UNAUTHENTICATED when it asks for the caller or the loaders.
 */
export class RequestContext {
  protected builtLoaders: Loaders | undefined;

  constructor(
    /** The caller, or null without a token (prefer `caller`, which fails with UNAUTHENTICATED). */
    readonly maybeCaller: Caller | null,
    /** The catalogue's lifecycles (reads, list pages, writes), shared by all requests. */
    readonly operations: Operations,
    private readonly loaderOptions: LoaderOptions,
    /** The live board (tracker store, bus, webhook registrations), shared by all requests. */
    readonly live?: LiveBoard,
  ) {}

  get caller(): Caller {
    if (!this.maybeCaller) throw unauthenticated();
    return this.maybeCaller;
  }

  /** Created on first use, so requests that never touch data pay nothing for them. */
  get loaders(): Loaders {
    this.builtLoaders ??= createLoaders(this.caller, this.operations, this.loaderOptions);
    return this.builtLoaders;
  }
}

/**
 * Reads the bearer token; a malformed header counts as none (the field error then says what to
 * send). `collectReads` attaches a ReadCollector so the whole response may be reused;
 * `scopeSecret` (CACHE_KEY_SECRET) makes the scope an HMAC of the token.
 */
export function callerFromHeader(
  header: string | undefined,
  options: { collectReads?: boolean; scopeSecret?: string } = {},
): Caller | null {
  const match = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!match) return null;
  const token = match[1]!;
  return {
    token,
    scope: callerScope(token, options.scopeSecret),
    ...(options.collectReads ? { reads: new ReadCollector() } : {}),
  };
}
