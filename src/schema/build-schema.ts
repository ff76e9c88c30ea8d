import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { resolvers } from '../resolvers/index.js';

/**
 * The executable schema, code-first. `schema.graphql` at the repository root is its printed form,
 * committed; `npm run schema:emit` rewrites it and a test fails when the two drift apart.
 */
export function buildGatewaySchema(): Promise<GraphQLSchema> {
  return buildSchema({ resolvers: [...resolvers], validate: false, emitSchemaFile: false });
}
