import type DataLoader from 'dataloader';
import { Args, type ClassType, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ListOperation } from '../catalogue/operation.js';
import type { Loaders, NodeKey } from '../loaders/loaders.js';
import type { PageArgs } from '../schema/inputs/page.args.js';
import type { ConnectionResult } from '../schema/types/connection.js';
import type { RequestContext } from '../server/context.js';
import { connectionFromPages } from './connection.js';
import { defineResolverMethod } from './resolver-method.js';

/** A connection field: which parent, which list operation, and how arguments become its args. */
export interface ConnectionFieldSpec<P, G extends PageArgs, A, R> {
  /** The parent object type and the field's name on it: `Workspace.members`. */
  parent: ClassType;
  field: string;
  connection: ClassType;
  args: ClassType<G>;
  description: string;
  list: ListOperation<A, never, R>;
  /**
   * The list's arguments from the parent and the field's arguments (validate here). Default: the
   * field's arguments and the parent's workspace (`{ ...args, workspaceId }`).
   */
  toArgs?(parent: P, args: G): A;
  /**
   * The by-id loader each listed record is primed into (keyed by its workspace and `id`), so later
   * lookups need no call; the field's description then says so.
   */
  prime?: {
    loader: (loaders: Loaders) => DataLoader<NodeKey, R, string>;
    id: (record: R) => number;
  };
}

const PRIMED =
  ' One GET per 100 items listed (cached per caller), shared with the by-id lookups of the same request.';

const inParentWorkspace = <P, G>(parent: P, args: G) => ({
  ...args,
  workspaceId: (parent as { workspaceId: number }).workspaceId,
});

/**
 * Builds the resolver of one Relay connection field over an upstream paged list: only the
 * upstream pages (of 100) that cover the requested window are read, through the request memo
 * (shared with by-id lookups of the same list), and each record primes its by-id loader. A new
 * group adds a connection by calling this with its list operation; nothing else changes.
 */
export function connectionField<P, G extends PageArgs, A, R>(
  spec: ConnectionFieldSpec<P, G, A, R>,
): ClassType {
  abstract class ConnectionFieldResolver {}
  defineResolverMethod(
    ConnectionFieldResolver,
    spec.field,
    (parent: P, args: G, ctx: RequestContext): Promise<ConnectionResult<R>> => {
      const listArgs = spec.toArgs ? spec.toArgs(parent, args) : (inParentWorkspace(parent, args) as A);
      const { memo } = ctx.loaders;
      const loader = spec.prime?.loader(ctx.loaders);
      const idOf = spec.prime?.id;
      return connectionFromPages(args, async (page) => {
        const result = await memo.page(spec.list, listArgs, page);
        if (loader && idOf) {
          for (const record of result.items) {
            loader.prime(
              { workspaceId: (record as { workspaceId: number }).workspaceId, id: idOf(record) },
              record,
            );
          }
        }
        return result;
      });
    },
    {
      params: [Root(), Args(() => spec.args), Ctx()],
      method: FieldResolver(() => spec.connection, {
        nullable: true,
        description: spec.prime ? spec.description + PRIMED : spec.description,
      }),
    },
  );
  Resolver(() => spec.parent)(ConnectionFieldResolver);
  return ConnectionFieldResolver as unknown as ClassType;
}
