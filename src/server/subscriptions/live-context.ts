import type { Caller } from '../../datasources/caller.js';
import type { Operations } from '../../datasources/operations.js';
import type { LoaderOptions } from '../../loaders/loaders.js';
import { RequestContext } from '../context.js';
import type { LiveServices } from './live-services.js';

/** What one WebSocket connection holds open (the per-connection bound counts these). */
export interface ConnectionState {
  readonly caller: Caller;
  open: number;
}

/**
 * The context of one subscription. Its loaders are the subscriber's (its token, its cache scope)
 * and are renewed before each event (`renew`), so every event resolves its fields from a fresh
 * per-event request memo, exactly as a new query would: a member edge loaded for the first event
 * is not served, stale, to the hundredth.
 */
export class LiveContext extends RequestContext {
  constructor(
    readonly connection: ConnectionState,
    operations: Operations,
    loaderOptions: LoaderOptions,
    readonly services: LiveServices,
  ) {
    super(connection.caller, operations, loaderOptions);
  }

  /** Called between events, never during one (graphql-js executes a stream's events in turn). */
  renew(): void {
    this.builtLoaders = undefined;
  }
}
