import { type ClassType, Ctx, Mutation, Resolver } from 'type-graphql';
import { inputArg } from './input-arg.js';
import type { WriteOutcome } from '../catalogue/operation.js';
import { GatewayError } from '../errors/gateway-error.js';
import { type MutationSpec, mutationName } from './mutation-spec.js';
import type { RequestContext } from '../server/context.js';
import { defineResolverMethod } from './resolver-method.js';

/** A mutation that moves one upstream object (start a tracker, approve a timesheet, ...). */
export interface StateMoveSpec<I, A, R extends WriteOutcome> extends MutationSpec<I, A, R> {
  returns: ClassType;
  /** The write's arguments from the input; checks it before any upstream call (BAD_USER_INPUT). */
  toArgs(input: I): A;
  /**
   * Who WebWork lets do this, for a FORBIDDEN that names what was refused and who may
   * ("start trackers", "Owners and Executive Managers"); without it WebWork's refusal is passed on.
   */
  refusal?: { action: string; roles: string };
  /** Given the write's answer before it is returned (e.g. the live tracker store); must not throw. */
  after?(result: R, ctx: RequestContext): Promise<R>;
}

/**
 * Builds the resolver of one state-move mutation: validated input → the write lifecycle (sent
 * once, invalidation, read-back) → the changed object, with its global `id`. Nullable: a write
 * that failed is null with its error, and later mutations of the operation are skipped.
 */
export function stateMove<I, A, R extends WriteOutcome>(spec: StateMoveSpec<I, A, R>): ClassType {
  abstract class StateMoveResolver {}
  defineResolverMethod(
    StateMoveResolver,
    mutationName(spec),
    async (input: I, ctx: RequestContext): Promise<R> => {
      const args = spec.toArgs(input);
      let result: R;
      try {
        result = await ctx.operations.write(ctx.caller, spec.write, args);
      } catch (error) {
        const { refusal } = spec;
        if (!refusal || !(error instanceof GatewayError) || error.code !== 'FORBIDDEN') throw error;
        throw new GatewayError(
          'FORBIDDEN',
          `${mutationName(spec)} refused: WebWork lets only ${refusal.roles} ${refusal.action}. ${error.message}`,
        );
      }
      return spec.after ? spec.after(result, ctx) : result;
    },
    {
      params: [inputArg(spec.input), Ctx()],
      method: Mutation(() => spec.returns, { nullable: true, description: spec.description }),
    },
  );
  Resolver()(StateMoveResolver);
  return StateMoveResolver as unknown as ClassType;
}
