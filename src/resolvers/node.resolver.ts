import { type ClassType, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { globalId } from '../schema/global-id.js';
import { defineResolverMethod } from './resolver-method.js';

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

/**
 * `NodeResolver` of a type that lives in one workspace and has an upstream id (most of them): the
 * global id is `<Type>:<workspaceId>:<upstreamId(record)>`.
 */
export const WorkspaceNodeResolver = <R extends { workspaceId: number }>(
  type: ClassType,
  upstreamId: (record: R) => string | number,
) => NodeResolver(type, (record: R) => [record.workspaceId, upstreamId(record)]);

/** What a delete answers: the ids the object had (`deletedId` where WebWork names it so). */
interface DeletedRecord {
  workspaceId: number;
  deletedId?: string;
}

/**
 * The resolver of a `Deleted<Type>` answer: the global id the object had, from the same parts its
 * `NodeResolver` used (`[workspaceId, upstream id, ...]`), so client caches can evict it.
 * `idField`, when given, is the upstream id field, answered from the write's `deletedId`.
 */
export function DeletedNodeResolver<R extends DeletedRecord>(
  deleted: ClassType,
  typeName: string,
  parts: (record: R) => (string | number)[],
  { description, idField }: { description?: string; idField?: string } = {},
): ClassType {
  abstract class DeletedNode {}
  defineResolverMethod(DeletedNode, 'id', (record: R) => globalId(typeName, ...parts(record)), {
    params: [Root()],
    method: FieldResolver(() => ID, description ? { description } : {}),
  });
  if (idField) {
    defineResolverMethod(DeletedNode, idField, (record: R) => record.deletedId, {
      params: [Root()],
      method: FieldResolver(() => String),
    });
  }
  Resolver(() => deleted)(DeletedNode);
  return DeletedNode as unknown as ClassType;
}
