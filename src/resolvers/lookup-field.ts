import type DataLoader from 'dataloader';
import { Arg, type ClassType, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { GatewayError } from '../errors/gateway-error.js';
import type { Loaders, NodeKey } from '../loaders/loaders.js';
import type { RequestContext } from '../server/context.js';
import { defineResolverMethod } from './resolver-method.js';
import { positiveId } from './validate.js';

/** A field that finds one object of the parent's workspace by its upstream id: `Workspace.member(userId:)`. */
export interface LookupFieldSpec<R> {
  parent: ClassType;
  field: string;
  type: ClassType;
  /** The id argument's name, e.g. `userId`. */
  idArgument: string;
  description: string;
  loader: (loaders: Loaders) => DataLoader<NodeKey, R, string>;
}

/**
 * Builds the resolver of one by-id lookup: the id is checked before any upstream call, the object
 * comes from its by-id loader (served from the workspace's list, read once per request), and an
 * object the caller cannot see is null rather than an error.
 */
export function lookupField<R>(spec: LookupFieldSpec<R>): ClassType {
  abstract class LookupFieldResolver {}
  defineResolverMethod(
    LookupFieldResolver,
    spec.field,
    (parent: { workspaceId: number }, id: number, ctx: RequestContext): Promise<R | null> => {
      positiveId(spec.idArgument, id);
      return orNullWhenMissing(spec.loader(ctx.loaders).load({ workspaceId: parent.workspaceId, id }));
    },
    {
      params: [
        Root(),
        Arg(spec.idArgument, () => Int, {
          description: `The upstream id (\`${spec.type.name}.${spec.idArgument}\`) to look up; a positive integer.`,
        }),
        Ctx(),
      ],
      method: FieldResolver(() => spec.type, { nullable: true, description: spec.description }),
    },
  );
  Resolver(() => spec.parent)(LookupFieldResolver);
  return LookupFieldResolver as unknown as ClassType;
}

/**
 * The object a record names by id in its workspace (a leave's member, a timesheet entry's project):
 * null when the record names none, or when the caller cannot see it (not an error on the path).
 */
export const related = <R>(
  loader: DataLoader<NodeKey, R, string>,
  workspaceId: number,
  id: number | null | undefined,
): Promise<R | null> | null => (id == null ? null : orNullWhenMissing(loader.load({ workspaceId, id })));

/** The object, or null when WebWork (or the list it is looked up in) has none for this caller. */
export const orNullWhenMissing = <T>(promise: Promise<T>): Promise<T | null> =>
  promise.catch((error: unknown) => {
    if (error instanceof GatewayError && error.code === 'NOT_FOUND') return null;
    throw error;
  });
