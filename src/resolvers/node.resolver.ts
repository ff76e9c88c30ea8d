import { type ClassType, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { globalId } from '../schema/global-id.js';

/**
 * The base of every object type's resolver: its graph-wide `id`, opaque and stable (base64url of
 * `<Type>:<workspaceId>:<upstream id>`), so normalising client caches (Apollo Client, urql,
 * Relay) can merge the object wherever it appears, mutation answers included. A type's resolver
 * extends `NodeResolver(Type, (record) => [workspaceId, upstreamId])` and adds only its relations.
 */
export function NodeResolver<R>(type: ClassType, parts: (record: R) => (string | number)[]) {
  @Resolver(() => type)
  abstract class Node {
    @FieldResolver(() => ID, {
      description:
        'Opaque id, unique across the whole graph and stable: the key for client caches. Do not parse it; the upstream id has its own field.',
    })
    id(@Root() record: R): string {
      return globalId(type.name, ...parts(record));
    }
  }
  return Node;
}
