import type { Server } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import type { Disposable } from 'graphql-ws';
import { useServer, type Extra } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import type { QueryLimits } from '../../config/config.js';
import type { Operations } from '../../datasources/operations.js';
import type { LoaderOptions } from '../../loaders/loaders.js';
import type { Logger } from '../../logging/logger.js';
import type { RequestContext } from '../context.js';
import { createFormatError } from '../format-error.js';
import { queryLimits } from '../limits/limits.js';
import { checkQueryCost } from '../limits/query-cost.js';
import { authenticateConnection } from './connection-auth.js';
import { LiveContext, type ConnectionState } from './live-context.js';
import type { LiveServices } from './live-services.js';

export interface SubscriptionServerOptions {
  schema: GraphQLSchema;
  limits: QueryLimits;
  logger: Logger;
  operations: Operations;
  loaderOptions: LoaderOptions;
  live: LiveServices;
  /** CACHE_KEY_SECRET: a subscriber's cache scope is computed as an HTTP caller's is. */
  scopeSecret: string | undefined;
  production: boolean;
}

type ConnectionExtra = Extra & { connection?: ConnectionState };

/**
 * GraphQL subscriptions over the graphql-ws protocol on `/graphql` (the same path as HTTP; the
 * WebSocket upgrade tells them apart), as Apollo Server 5 documents it: a `ws` server on the HTTP
 * server, graphql-ws's `useServer`, and a plugin that disposes it when Apollo drains.
 *
 * - The connection is authenticated in `connection_init` (connection-auth.ts): no or a refused
 *   token closes it with 4401.
 * - Only subscription operations are served here; queries and mutations go over HTTP, where
 *   whole-response reuse and serial mutations apply. Documents meet the limits of HTTP requests
 *   (tokens, depth, aliases, directives, literal page sizes, and the cost estimate, per event).
 * - Errors are formatted by the gateway's one `formatError` (codes kept, anything unknown masked).
 */
export class SubscriptionServer {
  private disposable: Disposable | undefined;
  private readonly validationRules: readonly ValidationRule[];
  private readonly formatError: ReturnType<typeof createFormatError>;

  constructor(private readonly options: SubscriptionServerOptions) {
    const bounded = queryLimits(options.schema, options.limits);
    this.validationRules = [...specifiedRules, ...bounded.validationRules];
    this.formatError = createFormatError(options.logger);
  }

  /** Starts serving WebSocket upgrades of `/graphql` on `server`. */
  attach(server: Server): void {
    // A message is bounded like an HTTP body (HTTP_MAX_BODY_BYTES; ws closes with 1009 above it),
    // not by ws's default of 100 MiB.
    const wsServer = new WebSocketServer({
      server,
      path: '/graphql',
      maxPayload: this.options.limits.maxBodyBytes,
    });
    const { operations, loaderOptions, live, schema } = this.options;
    this.disposable = useServer<Record<string, unknown>, { connection?: ConnectionState }>(
      {
        schema,
        isProd: this.options.production,
        onConnect: async (ctx) => {
          const extra = ctx.extra as ConnectionExtra;
          const caller = await authenticateConnection(ctx.connectionParams, extra.socket, {
            access: live.access,
            scopeSecret: this.options.scopeSecret,
          });
          if (!caller) return false;
          extra.connection = { caller, open: 0 };
          return true;
        },
        onSubscribe: (ctx, _id, payload) => {
          const connection = (ctx.extra as ConnectionExtra).connection!;
          const prepared = this.prepare(
            payload.query,
            payload.operationName ?? undefined,
            payload.variables ?? {},
          );
          if (Array.isArray(prepared)) return prepared;
          return {
            schema,
            document: prepared as DocumentNode,
            operationName: payload.operationName,
            variableValues: payload.variables,
            contextValue: new LiveContext(connection, operations, loaderOptions, live),
          } satisfies ExecutionArgs;
        },
        onError: (_ctx, _id, _payload, errors) =>
          errors.map((error) => this.formatError(error.toJSON(), error)),
        onNext: (_ctx, _id, _payload, _args, result) =>
          result.errors
            ? { ...result, errors: result.errors.map((error) => this.formatError(error.toJSON(), error)) }
            : undefined,
      },
      wsServer,
    );
  }

  /** Parsed and validated under the HTTP limits, and a subscription; or the errors to answer. */
  private prepare(
    query: string,
    operationName: string | undefined,
    variables: Record<string, unknown>,
  ): DocumentNode | GraphQLError[] {
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: this.options.limits.maxTokens });
    } catch (error) {
      return [error instanceof GraphQLError ? error : new GraphQLError('The query could not be parsed')];
    }
    const errors = validate(this.options.schema, document, this.validationRules);
    if (errors.length > 0) return [...errors];
    const operation = getOperationAST(document, operationName);
    if (operation?.operation !== 'subscription') {
      return [
        new GraphQLError(
          'Only subscriptions are served over WebSocket: send queries and mutations with HTTP POST /graphql.',
          { extensions: { code: 'BAD_REQUEST' } },
        ),
      ];
    }
    try {
      // The estimate bounds the upstream reads of each event's payload.
      checkQueryCost(this.options.schema, document, variables, operationName, this.options.limits.maxCost);
    } catch (error) {
      return [error as GraphQLError];
    }
    return document;
  }

  /** Closes every subscription connection (1001, going away: clients reconnect elsewhere) and the server. */
  async dispose(): Promise<void> {
    const disposable = this.disposable;
    this.disposable = undefined;
    await disposable?.dispose();
  }

  /** Disposes the WebSocket server when Apollo drains (Apollo Server's documented pattern). */
  plugin(): ApolloServerPlugin<RequestContext> {
    return {
      serverWillStart: async () => ({ drainServer: () => this.dispose() }),
    };
  }
}
