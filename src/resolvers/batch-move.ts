import pLimit from 'p-limit';
import { type ClassType, Ctx, Field, ID, Mutation, ObjectType, Resolver } from 'type-graphql';
import { inputArg } from './input-arg.js';
import type { WriteOutcome } from '../catalogue/operation.js';
import type { MutationSpec } from './mutation-spec.js';
import { GatewayError } from '../errors/gateway-error.js';
import type { RequestContext } from '../server/context.js';
import { BatchItemError } from '../schema/types/batch-item-error.type.js';
import { defineResolverMethod } from './resolver-method.js';

export { BatchItemError };

/** One item's outcome: its id, the changed object (null when it failed) and the error (null when not). */
export interface BatchItemResult<R> {
  itemId: string;
  node: R | null;
  error: BatchItemError | null;
}

/**
 * `<Name>MoveResult { <idField>: ID!, <nodeField>: <Node>, error: BatchItemError }`: the result
 * type of one item of a batch move, e.g. `TimesheetMoveResult { timesheetId timesheet error }`.
 */
export function batchResultOf(node: ClassType, idField: string, nodeField: string): ClassType {
  @ObjectType(`${node.name}MoveResult`, {
    description: `The outcome of one ${node.name.toLowerCase()} of a batch move.`,
  })
  class MoveResult {
    @Field(() => ID, { name: idField, description: 'The id this item was given in the input.' })
    itemId!: string;

    @Field(() => node, {
      name: nodeField,
      nullable: true,
      description: 'The changed object; null if this item failed.',
    })
    node!: unknown;

    @Field(() => BatchItemError, { nullable: true, description: 'Null if this item succeeded.' })
    error!: BatchItemError | null;
  }
  return MoveResult;
}

/** A mutation applying one write to many objects: `approveTimesheets(input: { workspaceId, timesheetIds })`. */
export interface BatchMoveSpec<I, A, R extends WriteOutcome> extends MutationSpec<I, A, R> {
  /** `verbNouns`, taking `input: VerbNounsInput!`. */
  name: string;
  /** From `batchResultOf`. */
  result: ClassType;
  /**
   * The items (id, write arguments), in order, from the input. Checks the whole input before any
   * upstream call (BAD_USER_INPUT naming the argument): a bad batch sends nothing.
   */
  toItems(input: I): { id: string; args: A }[];
  /** Items in flight at once (default 4): a batch must not eat the caller's rate budget at once. */
  concurrency?: number;
}

/** An item's failure as its result reports it: the code a single mutation would have had. */
function itemError(error: unknown): BatchItemError {
  if (error instanceof GatewayError) return { code: error.code, message: error.message };
  return { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' };
}

/**
 * Builds the resolver of one batch move: validated input → each item through the write lifecycle
 * (sent exactly once, never retried; invalidation; read-back), bounded concurrency → one result
 * per item, in input order. A failed item does not fail the others or the field: partial success
 * is the answer, and each item's error says what happened to it.
 */
export function batchMove<I, A, R extends WriteOutcome>(spec: BatchMoveSpec<I, A, R>): ClassType {
  abstract class BatchMoveResolver {}
  defineResolverMethod(
    BatchMoveResolver,
    spec.name,
    (input: I, ctx: RequestContext): Promise<BatchItemResult<R>[]> => {
      const items = spec.toItems(input);
      const limit = pLimit(spec.concurrency ?? 4);
      return Promise.all(
        items.map(({ id, args }) =>
          limit(async (): Promise<BatchItemResult<R>> => {
            try {
              return {
                itemId: id,
                node: await ctx.operations.write(ctx.caller, spec.write, args),
                error: null,
              };
            } catch (error) {
              return { itemId: id, node: null, error: itemError(error) };
            }
          }),
        ),
      );
    },
    {
      params: [inputArg(spec.input), Ctx()],
      method: Mutation(() => [spec.result], { nullable: true, description: spec.description }),
    },
  );
  Resolver()(BatchMoveResolver);
  return BatchMoveResolver as unknown as ClassType;
}
