import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type PubSub } from 'type-graphql';
import { resolvers } from '../resolvers/index.js';

/**
 * The executable schema, code-first. `schema.graphql` at the repository root is its printed form,
 * committed; `npm run schema:emit` rewrites it and a test fails when the two drift apart.
 */
export function buildGatewaySchema(): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [...resolvers],
    validate: false,
    emitSchemaFile: false,
    pubSub: NO_PUB_SUB,
  });
}

/**
 * type-graphql asks for a PubSub as soon as a schema has subscriptions, even when every one has its
 * own `subscribe` function, as the gateway's do (they read the LiveBus: resolvers/live.resolver.ts).
 * This one says so if anything ever uses it.
 */
const NO_PUB_SUB: PubSub = {
  publish: () => {
    throw new Error('subscriptions read the LiveBus (src/live); type-graphql PubSub is not used');
  },
  subscribe: () => {
    throw new Error('subscriptions read the LiveBus (src/live); type-graphql PubSub is not used');
  },
};
