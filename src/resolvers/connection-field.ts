import type DataLoader from 'dataloader';
import { Args, type ClassType, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { MemberRecord } from '../catalogue/members.operations.js';
import type { ListOperation } from '../catalogue/operation.js';
import type { WorkspaceRecord } from '../catalogue/workspaces.operations.js';
import type { Loaders, NodeKey } from '../loaders/loaders.js';
import type { PageArgs } from '../schema/inputs/page.args.js';
import type { ConnectionResult } from '../schema/types/connection.js';
import { Member } from '../schema/types/member.type.js';
import { Workspace } from '../schema/types/workspace.type.js';
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

/** `Workspace.<field>` and `Member.<field>` over one list: everyone's, and one member's. */
export interface WorkspaceAndMemberSpec<GW extends PageArgs, GM extends PageArgs, A, R> {
  field: string;
  connection: ClassType;
  list: ListOperation<A, never, R>;
  workspace: { args: ClassType<GW>; description: string };
  member: { args: ClassType<GM>; description: string };
  /** The list's arguments (validate here); `userId` is the member's on `Member.<field>`. */
  toArgs(workspaceId: number, args: GW | GM, userId?: number): A;
}

/**
 * Builds both connection fields of a list a workspace has and each member has a share of (time
 * requests, leaves, timesheets): the member's field is the workspace's, filtered by its user.
 */
export function workspaceAndMemberConnections<GW extends PageArgs, GM extends PageArgs, A, R>(
  spec: WorkspaceAndMemberSpec<GW, GM, A, R>,
): [ClassType, ClassType] {
  const { field, connection, list } = spec;
  return [
    connectionField({
      parent: Workspace,
      field,
      connection,
      list,
      ...spec.workspace,
      toArgs: (ws: WorkspaceRecord, args) => spec.toArgs(ws.workspaceId, args),
    }),
    connectionField({
      parent: Member,
      field,
      connection,
      list,
      ...spec.member,
      toArgs: (member: MemberRecord, args) => spec.toArgs(member.workspaceId, args, member.userId),
    }),
  ];
}
