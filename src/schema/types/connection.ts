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
  @ObjectType(`${name}Edge`, { description: `One ${name} of a ${name}Connection page, with its cursor.` })
  class Edge {
    @Field({ description: 'Opaque cursor; pass as `after` to continue after this edge.' })
    cursor!: string;

    @Field(() => node, { description: `The ${name} at this position.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, {
    description: `A page of ${name} items. Ask for \`nodes\` when cursors per item are not needed, \`edges\` when they are.`,
  })
  class Connection {
    @Field(() => Int, { description: 'Items in the whole list (all pages).' })
    totalCount!: number;

    @Field(() => PageInfo, { description: 'Where this page is in the list, and the cursors to move on.' })
    pageInfo!: PageInfo;

    @Field(() => [Edge], { description: `The ${name} items of this page with their cursors, in list order.` })
    edges!: Edge[];

    @Field(() => [node], {
      description: `The ${name} items of this page, in list order (\`edges\` without cursors).`,
    })
    nodes!: T[];
  }

  return Connection;
}
