import { Field, ID, InterfaceType } from 'type-graphql';

/**
 * Marks a record resolved through `Query.node`/`Query.nodes` with its GraphQL type. Records are
 * plain objects (not class instances), so type-graphql's default `instanceof` check cannot tell a
 * Member from a Project; the node resolvers copy the record and add this tag.
 */
export const NODE_TYPE = Symbol('nodeType');

export type TaggedNode = Record<PropertyKey, unknown> & { [NODE_TYPE]: string };

/**
 * Relay's Node interface (Global Object Identification): every object WebWork gives a stable
 * identity implements it, so `Query.node(id:)` can refetch it and normalising caches can merge it.
 * Not implemented by TimeEntry (`id` is null when WebWork's create answer has no id, GAPS: the
 * gateway then cannot name the entry) nor by the Deleted* answers (they carry the id a deleted
 * object had, and that object can no longer be fetched).
 */
@InterfaceType('Node', {
  description:
    'An object with a graph-wide id that `Query.node(id:)` can refetch (Relay Global Object Identification).',
  resolveType: (value: TaggedNode) => value[NODE_TYPE],
})
export abstract class Node {
  @Field(() => ID, {
    description:
      'Opaque id, unique across the graph and stable over time; pass it to `Query.node(id:)`. Do not parse it.',
  })
  id!: string;
}
