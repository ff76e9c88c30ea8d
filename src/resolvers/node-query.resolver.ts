import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { workspacesList } from '../catalogue/workspaces.operations.js';
import { badUserInput, GatewayError } from '../errors/gateway-error.js';
import { parseGlobalId } from '../schema/global-id.js';
import { Node, NODE_TYPE, type TaggedNode } from '../schema/types/node.interface.js';
import type { RequestContext } from '../server/context.js';
import { MAX_NODE_IDS } from '../server/limits/node-ids.js';
import { NODE_LOOKUPS } from './node-lookups.js';

/** A global id checked and taken apart: which type, which workspace, which upstream id. */
interface NodeRef {
  type: string;
  workspaceId: number;
  id?: number | string;
  /** The part after the upstream id, for lookups that take one (a task's project). */
  scope?: number;
}

const INT = /^[1-9]\d{0,15}$/;

/**
 * Reads a global id before any upstream call. Refused with BAD_USER_INPUT naming `argument`: an
 * id this API did not issue, or one of a type that is not a Node (a TimeEntry's, which may be
 * null and is not refetchable).
 */
function nodeRef(argument: string, id: string): NodeRef {
  const parsed = parseGlobalId(id);
  const expected = `${argument} must be an \`id\` this API returned for a Node (an object implementing Node)`;
  if (!parsed) throw badUserInput(argument, `${expected}; "${id}" is not one.`);
  const { type, parts } = parsed;
  const lookup = NODE_LOOKUPS[type];
  if (type !== 'Workspace' && !lookup) {
    throw badUserInput(argument, `${expected}; "${id}" is the id of a ${type}, which is not a Node.`);
  }
  const [workspace, upstreamId, ...rest] = parts;
  const wellFormed =
    INT.test(workspace!) &&
    (lookup?.scope === 'int' ? rest.length === 1 && INT.test(rest[0]!) : rest.length === 0) &&
    (type === 'Workspace' ? upstreamId === undefined : upstreamId !== undefined) &&
    (lookup?.id !== 'int' || INT.test(upstreamId!));
  if (!wellFormed) throw badUserInput(argument, `${expected}; "${id}" is malformed.`);
  return {
    type,
    workspaceId: Number(workspace),
    id: lookup?.id === 'int' ? Number(upstreamId) : upstreamId,
    scope: lookup?.scope === 'int' ? Number(rest[0]) : undefined,
  };
}

/**
 * The object a checked id names, tagged with its type for `Node.resolveType`. Its workspace is
 * looked up first (the caller's workspace list, read once per request): an object of a workspace
 * the caller is not in is NOT_FOUND without asking WebWork for it. FORBIDDEN from WebWork is
 * reported as NOT_FOUND too: for Relay, an object the caller may not see does not exist.
 */
async function findNode(ctx: RequestContext, ref: NodeRef): Promise<TaggedNode> {
  const { loaders } = ctx;
  const workspaces = await loaders.memo.all(workspacesList, {});
  const workspace = workspaces.find((w) => w.workspaceId === ref.workspaceId);
  if (!workspace) {
    throw new GatewayError('NOT_FOUND', `No workspace ${ref.workspaceId} that you belong to.`);
  }
  if (ref.type === 'Workspace') return { ...workspace, [NODE_TYPE]: ref.type };
  try {
    const record = await NODE_LOOKUPS[ref.type]!.load(
      loaders,
      ref.workspaceId,
      ref.id as number & string,
      ref.scope,
    );
    return { ...record, [NODE_TYPE]: ref.type };
  } catch (error) {
    if (error instanceof GatewayError && error.code === 'FORBIDDEN') {
      throw new GatewayError(
        'NOT_FOUND',
        `No ${ref.type} ${ref.id} in workspace ${ref.workspaceId} that you can see.`,
      );
    }
    throw error;
  }
}

@Resolver()
export class NodeQueryResolver {
  @Query(() => Node, {
    nullable: true,
    description:
      'Any object implementing Node, by its `id` (Relay refetching). Null with a NOT_FOUND error when it does not exist or the caller cannot see it; BAD_USER_INPUT for an id this API did not issue.',
  })
  node(
    @Arg('id', () => ID, { description: "A graph-wide id, as any object's `id` field gives it." }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<TaggedNode> {
    return findNode(ctx, nodeRef('id', id));
  }

  @Query(() => [Node], {
    nullable: 'items',
    description: `Objects implementing Node by their ids, in the order given (at most ${MAX_NODE_IDS} ids, refused before execution), batched like the lookups of the graph. An id that does not exist or is not visible is null with a NOT_FOUND error at its index.`,
  })
  nodes(
    @Arg('ids', () => [ID], {
      description: 'Graph-wide ids (at most 100); the answer holds one entry per id, in the same order.',
    })
    ids: string[],
    @Ctx() ctx: RequestContext,
  ): Promise<(TaggedNode | Error)[]> {
    const refs = ids.map((id) => nodeRef('ids', id));
    // An Error in place of an item nulls that item alone, with the error at its index.
    return Promise.all(refs.map((ref) => findNode(ctx, ref).catch((error: Error) => error)));
  }
}
