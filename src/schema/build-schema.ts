import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchema, type PubSub } from 'type-graphql';
import { resolvers } from '../resolvers/index.js';

/**
 * The executable schema, code-first. `schema.graphql` at the repository root is its printed form,
 * committed; `npm run schema:emit` rewrites it and a test fails when the two drift apart.
 */
export async function buildGatewaySchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [...resolvers],
    validate: false,
    emitSchemaFile: false,
    pubSub: NO_PUB_SUB,
  });
  describeRootTypes(schema);
  return schema;
}

/** type-graphql creates the root types itself and takes no description for them. */
function describeRootTypes(schema: GraphQLSchema): void {
  schema.getQueryType()!.description =
    'Reads. Start from `workspaces` (every workspace the token belongs to) or `workspace(workspaceId:)`; every other object is reached from a workspace. Send the WebWork token as `Authorization: Bearer <token>`.';
  schema.getMutationType()!.description =
    'Writes. Each takes one `input` and is sent to WebWork at most once (never retried); each mutation says who may call it and what it answers.';
  schema.getSubscriptionType()!.description =
    'The live board over graphql-ws on /graphql: events of one workspace as they happen (webhooks, the gateway\'s own writes, reads that learned something new). Authenticate with `{ "Authorization": "Bearer <token>" }` in `connection_init`.';
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
