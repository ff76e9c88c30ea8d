import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { resolvers } from '../resolvers/index.js';

/**
 * The executable schema, code-first. `schema.graphql` at the repository root is its printed form,
 * committed; `npm run schema:emit` rewrites it and a test fails when the two drift apart.
 */
export async function buildGatewaySchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({ resolvers: [...resolvers], validate: false, emitSchemaFile: false });
  describeRootTypes(schema);
  return schema;
}

/** type-graphql creates `Query` and `Mutation` itself and takes no description for them. */
function describeRootTypes(schema: GraphQLSchema): void {
  schema.getQueryType()!.description =
    'Reads. Start from `workspaces` (every workspace the token belongs to) or `workspace(workspaceId:)`; every other object is reached from a workspace. Send the WebWork token as `Authorization: Bearer <token>`.';
  schema.getMutationType()!.description =
    'Writes. Each takes one `input` and is sent to WebWork at most once (never retried); each mutation says who may call it and what it answers.';
}
