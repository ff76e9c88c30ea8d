import { createClient, type Client, type ExecutionResult } from 'graphql-ws';
import WebSocket from 'ws';

/** One open subscription: what it received, how it ended. */
export interface Subscribed<T = any> {
  readonly results: ExecutionResult<T>[];
  /** Resolves with the error (formatted GraphQL errors, or a CloseEvent) or `'complete'`. */
  readonly ended: Promise<unknown>;
  /** Resolves once `count` results arrived (rejects after `timeoutMs`). */
  received(count: number, timeoutMs?: number): Promise<ExecutionResult<T>[]>;
  /** Completes the subscription from the client side. */
  stop(): void;
  /** Drops the results kept so far that match, and every later one that does. */
  dropWhere(predicate: (result: ExecutionResult<T>) => boolean): void;
}

export interface WsClient {
  readonly client: Client;
  /** The close event's code once the socket closed (e.g. 4401). */
  readonly closed: Promise<{ code: number; reason: string }>;
  subscribe<T = any>(query: string, variables?: Record<string, unknown>): Subscribed<T>;
  dispose(): Promise<void>;
}

/**
 * A graphql-ws client of a gateway (`http://…` → `ws://…/graphql`) with a token in its
 * `connection_init` payload (`null`: none), no retries, connected at once.
 */
export function wsClient(
  gatewayUrl: string,
  token: string | null = 'demo-owner',
  params?: Record<string, unknown>,
): WsClient {
  let onClosed!: (event: { code: number; reason: string }) => void;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => (onClosed = resolve));
  const client = createClient({
    url: `${gatewayUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    connectionParams: params ?? (token ? { Authorization: `Bearer ${token}` } : {}),
    on: { closed: (event) => onClosed(event as { code: number; reason: string }) },
    onNonLazyError: () => undefined,
  });
  return {
    client,
    closed,
    subscribe<T>(query: string, variables?: Record<string, unknown>): Subscribed<T> {
      const results: ExecutionResult<T>[] = [];
      const waiters: (() => void)[] = [];
      let dropped = (_result: ExecutionResult<T>) => false;
      let stop = () => undefined as void;
      const ended = new Promise<unknown>((resolve) => {
        stop = client.subscribe<T>(
          { query, variables },
          {
            next: (result) => {
              if (dropped(result as ExecutionResult<T>)) return;
              results.push(result as ExecutionResult<T>);
              for (const wake of waiters.splice(0)) wake();
            },
            error: (error) => resolve(error),
            complete: () => resolve('complete'),
          },
        );
      });
      return {
        results,
        ended,
        stop: () => stop(),
        dropWhere(predicate) {
          dropped = predicate;
          const kept = results.filter((result) => !predicate(result));
          results.splice(0, results.length, ...kept);
        },
        async received(count: number, timeoutMs = 5000) {
          const deadline = Date.now() + timeoutMs;
          while (results.length < count) {
            const left = deadline - Date.now();
            if (left <= 0) throw new Error(`expected ${count} results, got ${JSON.stringify(results)}`);
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, left);
              waiters.push(() => {
                clearTimeout(timer);
                resolve();
              });
            });
          }
          return results;
        },
      };
    },
    dispose: () => Promise.resolve(client.dispose()),
  };
}
