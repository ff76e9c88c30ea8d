import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { PageInfo } from './page-info.type.js';

/** The resolved shape of every connection (see resolvers/connection.ts). */
export interface ConnectionResult<T> {
  totalCount: number;
  pageInfo: PageInfo;
  edges: { cursor: string; node: T }[];
  nodes: T[];
}

/**
 * Builds `<Name>Connection` and `<Name>Edge` object types for a node type (Relay connection spec,
 * plus `nodes` and `totalCount` for clients that do not need cursors per edge).
 */
export function connectionOf<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field({ description: 'Opaque cursor; pass as `after` to continue after this edge.' })
    cursor!: string;

    @Field(() => node)
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  class Connection {
    @Field(() => Int, { description: 'Items in the whole list (all pages).' })
    totalCount!: number;

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => [node])
    nodes!: T[];
  }

  return Connection;
}
