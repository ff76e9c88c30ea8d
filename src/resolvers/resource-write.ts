import { type ClassType, Ctx, Mutation, Resolver } from 'type-graphql';
import { inputArg } from './input-arg.js';
import type { WriteOutcome } from '../catalogue/operation.js';
import { type MutationSpec, mutationName } from './mutation-spec.js';
import { badUserInput, GatewayError } from '../errors/gateway-error.js';
import type { RequestContext } from '../server/context.js';
import { defineResolverMethod } from './resolver-method.js';
import { positiveId } from './validate.js';

/**
 * A create, update or delete of members, projects, contracts, tasks or project viewers: a
 * state-move mutation (`verbNoun(input:)`, checked input → the write lifecycle → the changed
 * object with its global `id`, nullable) whose FORBIDDEN names what was refused and who may do it.
 */
export interface ResourceWriteSpec<I, A, R extends WriteOutcome> extends MutationSpec<I, A, R> {
  returns: ClassType;
  /** What a refusal names: "create projects". */
  action: string;
  /** Who may: "Owners and Executive Managers". */
  roles: string;
  /**
   * The input's required ids (`workspaceId`, `projectId`, ...), each checked to be a positive
   * integer before any upstream call (BAD_USER_INPUT naming `input.<id>`), in this order.
   */
  ids?: readonly (keyof I & string)[];
  /** The write's arguments from the input, after the id checks; further checks here. Default: the input. */
  toArgs?(input: I): A;
  /**
   * Reads the state back when only the write's answer can say where (a create that answers with
   * an id alone); a failed read leaves the answer as told, marked `readBackFailed`.
   */
  readBack?(told: R, ctx: RequestContext): Promise<R>;
}

/** Who may make most writes of these groups, as WebWork's docs name them. */
export const ADMINS = 'Owners and Executive Managers';

/** Without `toArgs` the input is the write's arguments, so it must be assignable to them. */
export function resourceWrite<I extends A, A, R extends WriteOutcome>(
  spec: ResourceWriteSpec<I, A, R> & { toArgs?: undefined },
): ClassType;
export function resourceWrite<I, A, R extends WriteOutcome>(
  spec: ResourceWriteSpec<I, A, R> & { toArgs(input: I): A },
): ClassType;
export function resourceWrite<I, A, R extends WriteOutcome>(spec: ResourceWriteSpec<I, A, R>): ClassType {
  const name = mutationName(spec);
  abstract class ResourceWriteResolver {}
  defineResolverMethod(
    ResourceWriteResolver,
    name,
    async (input: I, ctx: RequestContext): Promise<R> => {
      for (const id of spec.ids ?? []) positiveId(`input.${id}`, input[id] as number);
      const args = spec.toArgs ? spec.toArgs(input) : (input as unknown as A);
      try {
        const told = await ctx.operations.write(ctx.caller, spec.write, args);
        if (!spec.readBack) return told;
        return await spec.readBack(told, ctx).catch(() => ({ ...told, readBackFailed: true as const }));
      } catch (error) {
        if (error instanceof GatewayError && error.code === 'FORBIDDEN') {
          throw new GatewayError(
            'FORBIDDEN',
            `${name} refused: WebWork lets only ${spec.roles} ${spec.action}. ${error.message}`,
          );
        }
        throw error;
      }
    },
    {
      params: [inputArg(spec.input), Ctx()],
      method: Mutation(() => spec.returns, {
        nullable: true,
        description: `${spec.description} Who may call: ${spec.roles} (FORBIDDEN otherwise). Sent to WebWork exactly once (never retried); null with an error when the write failed.`,
      }),
    },
  );
  Resolver()(ResourceWriteResolver);
  return ResourceWriteResolver as unknown as ClassType;
}

/* Input checks of these groups, made before any upstream call (BAD_USER_INPUT naming the argument). */

/** A required text: not blank, at most `max` characters. */
export function requiredText(argument: string, value: string, max: number): string {
  if (value.trim() === '') throw badUserInput(argument, `${argument} must not be empty`);
  return optionalText(argument, value, max)!;
}

/** An optional text: when given, not blank and at most `max` characters. */
export function optionalText(argument: string, value: string | null | undefined, max: number) {
  if (value == null) return value;
  if (value.trim() === '') throw badUserInput(argument, `${argument} must not be empty when given`);
  if (value.length > max) {
    throw badUserInput(argument, `${argument} must be at most ${max} characters, got ${value.length}`);
  }
  return value;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function email(argument: string, value: string | null | undefined) {
  if (value == null) return value;
  if (value.length > 255 || !EMAIL.test(value)) {
    throw badUserInput(argument, `${argument} must be an email address (name@example.com), got "${value}"`);
  }
  return value;
}

/** An amount (hours, money, rate): a finite number ≥ 0, or > 0 when `positive`. */
export function amount(
  argument: string,
  value: number | null | undefined,
  { positive = false, max }: { positive?: boolean; max?: number } = {},
) {
  if (value == null) return value;
  if (!Number.isFinite(value) || value < 0 || (positive && value === 0)) {
    throw badUserInput(
      argument,
      `${argument} must be a ${positive ? 'positive' : 'non-negative'} number, got ${value}`,
    );
  }
  if (max !== undefined && value > max) {
    throw badUserInput(argument, `${argument} must be at most ${max}, got ${value}`);
  }
  return value;
}

/** `from` not after `to` (both `YYYY-MM-DD`, already checked by the Date scalar). */
export function ordered(
  fromArgument: string,
  from: string | null | undefined,
  toArgument: string,
  to: string | null | undefined,
) {
  if (from && to && from > to) {
    throw badUserInput(toArgument, `${toArgument} (${to}) must not be before ${fromArgument} (${from})`);
  }
}

/** An update must change something. */
export function someField(argument: string, input: object, fields: readonly string[]) {
  if (!fields.some((f) => (input as Record<string, unknown>)[f] != null)) {
    throw badUserInput(argument, `${argument} must set at least one of ${fields.join(', ')}`);
  }
}
