import { type ClassType, Ctx, Mutation, Resolver } from 'type-graphql';
import type { WriteOperation, WriteOutcome } from '../catalogue/operation.js';
import { MAX_APPROVAL_TEXT, MAX_BATCH_ITEMS } from '../schema/inputs/approvals.inputs.js';
import type { RequestContext } from '../server/context.js';
import { batchEach } from './approval-batch.js';
import { naming, requiredText, stringId } from './approval-checks.js';
import { inputArg } from './input-arg.js';
import { defineResolverMethod } from './resolver-method.js';
import { positiveId } from './validate.js';

export const ROLES_DECIDE = 'Owners and Executive Managers only (FORBIDDEN for other roles).';

/** The arguments of an approval write: the workspace, the object's string id, the reason if any. */
type DecisionArgs = { workspaceId: number } & Record<string, string | number>;

/**
 * The decisions on one kind of request (time requests, leaves): `approve<Noun>`, `reject<Noun>`
 * with a reason, and `approve<Noun>s` over many ids. The inputs and types are the group's own;
 * the names, checks and messages follow from `noun` and `idField`.
 */
export interface ApprovalMovesSpec<R extends WriteOutcome> {
  /** `Leave`, `TimeRequest`: the mutations' names and the object type they return. */
  noun: string;
  returns: ClassType;
  /** The upstream id in inputs and batch results: `leaveId`. */
  idField: string;
  /** The batch result's object field: `leave`. */
  nodeField: string;
  /** How an id check names the object: "a leave id". */
  what: string;
  /** How descriptions name it after the first sentence: "the leave", "an already decided leave". */
  short: string;
  /** Plural in the batch description: "leave requests". */
  plural: string;
  /** The reject's required text: `reason` or `comment`. */
  reasonField: string;
  /** First sentences: "Approves a pending leave request.", "Rejects a pending leave request with a reason." */
  approves: string;
  rejects: string;
  inputs: { approve: ClassType; reject: ClassType; batch: ClassType };
  payload: ClassType;
  approve: WriteOperation<never, never, R>;
  reject: WriteOperation<never, never, R>;
}

const decisionTail = (short: string, idField: string) =>
  `Sent once, never retried; returns the ${short} read back (\`complete: false\` when that read failed). An already decided ${short} is UPSTREAM_REJECTED naming input.${idField}.`;

/**
 * Builds the three decision mutations of a group. Every id is checked before any upstream call;
 * each write goes through the write lifecycle (sent once, never retried; invalidation; read-back)
 * and WebWork's refusals are named after the mutation and the id (`naming`).
 */
export function approvalMoves<R extends WriteOutcome>(spec: ApprovalMovesSpec<R>): ClassType {
  const { noun, idField } = spec;
  const write = (ctx: RequestContext, op: WriteOperation<never, never, R>, args: DecisionArgs) =>
    ctx.operations.write(ctx.caller, op as WriteOperation<DecisionArgs, never, R>, args);
  const decision = (input: DecisionArgs): DecisionArgs => {
    positiveId('input.workspaceId', input.workspaceId);
    stringId(`input.${idField}`, input[idField] as string, spec.what);
    return { workspaceId: input.workspaceId, [idField]: input[idField]! };
  };

  abstract class ApprovalMovesResolver {}
  const mutation = (
    name: string,
    input: ClassType,
    returns: ClassType,
    description: string,
    body: (input: DecisionArgs, ctx: RequestContext) => Promise<unknown>,
  ) =>
    defineResolverMethod(ApprovalMovesResolver, name, body, {
      params: [inputArg(input), Ctx()],
      method: Mutation(() => returns, { nullable: true, description }),
    });

  mutation(
    `approve${noun}`,
    spec.inputs.approve,
    spec.returns,
    `${spec.approves} ${ROLES_DECIDE} ${decisionTail(spec.short, idField)}`,
    (input, ctx) => {
      const args = decision(input);
      return naming(`approve${noun}`, `input.${idField}`, args[idField]!, () =>
        write(ctx, spec.approve, args),
      );
    },
  );
  mutation(
    `reject${noun}`,
    spec.inputs.reject,
    spec.returns,
    `${spec.rejects} ${ROLES_DECIDE} ${decisionTail(spec.short, idField)}`,
    (input, ctx) => {
      const field = spec.reasonField;
      const args = {
        ...decision(input),
        [field]: requiredText(`input.${field}`, input[field] as string, MAX_APPROVAL_TEXT),
      };
      return naming(`reject${noun}`, `input.${idField}`, args[idField]!, () => write(ctx, spec.reject, args));
    },
  );
  mutation(
    `approve${noun}s`,
    spec.inputs.batch,
    spec.payload,
    `Approves up to ${MAX_BATCH_ITEMS} pending ${spec.plural}, each sent to WebWork exactly once and reported on its own (one failing does not stop the others). ${ROLES_DECIDE}`,
    async (input, ctx) => {
      positiveId('input.workspaceId', input.workspaceId);
      const items = await batchEach({
        argument: `input.${idField}s`,
        ids: input[`${idField}s`] as unknown as string[],
        max: MAX_BATCH_ITEMS,
        check: (argument, id) => stringId(argument, id, spec.what),
        run: (id) =>
          naming(`approve${noun}s`, idField, id, () =>
            write(ctx, spec.approve, { workspaceId: input.workspaceId, [idField]: id }),
          ),
      });
      return {
        results: items.map((i) => ({
          [idField]: i.id,
          ok: i.ok,
          [spec.nodeField]: i.record,
          error: i.error,
        })),
        approvedCount: items.filter((i) => i.ok).length,
        failedCount: items.filter((i) => !i.ok).length,
      };
    },
  );
  Resolver()(ApprovalMovesResolver);
  return ApprovalMovesResolver as unknown as ClassType;
}
