import type { FastifyRequest } from 'fastify';
import type { SimulatorOptions } from '../options.js';
import type { Profile } from '../profile.js';
import type { SimEvents } from '../events.js';
import type { SimState } from '../state/store.js';
import { accessWorkspace, type Caller, workspaceIdOf } from '../http/auth.js';
import type { Membership } from '../state/model.js';

/**
 * What every route group gets. `state` and `profile` are read at request time (never captured), because
 * `POST /__sim/reset` swaps the state for a freshly seeded one and `POST /__sim/config` may swap
 * the profile.
 */
export interface RouteContext {
  readonly state: SimState;
  /** Read at request time too: `POST /__sim/config` may switch it between requests. */
  readonly profile: Profile;
  readonly options: SimulatorOptions;
  readonly events: SimEvents;
  now(): Date;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the auth hook for every WebWork API route. */
    caller: Caller;
  }
}

export interface WorkspaceScope {
  readonly caller: Caller;
  readonly workspaceId: number;
  /** The caller's own membership (role, status) in the workspace. */
  readonly membership: Membership;
}

/** The usual first line of a handler: which workspace, and is the caller in it. */
export function workspaceScope(ctx: RouteContext, request: FastifyRequest): WorkspaceScope {
  const workspaceId = workspaceIdOf(request);
  return {
    caller: request.caller,
    workspaceId,
    membership: accessWorkspace(ctx.state, request.caller, workspaceId),
  };
}

/** Query and body as plain records (Fastify types them as unknown). */
export const queryOf = (request: FastifyRequest) => (request.query ?? {}) as Record<string, unknown>;
export const bodyOf = (request: FastifyRequest) =>
  (request.body && typeof request.body === 'object' && !Array.isArray(request.body)
    ? request.body
    : {}) as Record<string, unknown>;
export const paramsOf = (request: FastifyRequest) => (request.params ?? {}) as Record<string, unknown>;

/**
 * The `data` of an action (approve, reject, submit, restore, assign ...): the changed object under
 * `lenient`, null under `docs-exact`, where REFERENCE shows "`(data)` | object\|null" for each of
 * them (profile `actionsReturnObjects`). `view` runs only when the object is shown.
 */
export const actionData = (ctx: RouteContext, view: () => unknown): unknown =>
  ctx.profile.actionsReturnObjects ? view() : null;
