import { HeaderMap, type ApolloServerPlugin, type GraphQLRequest } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import { wholeResponseKey, type CallerScope } from '../cache/keys.js';
import { NearCache } from '../cache/near-cache.js';
import type { ReadCollector } from '../cache/read-collector.js';
import type { InvalidationListener } from '../cache/response-cache.js';
import type { RequestContext } from './context.js';

/** What is kept of a response: its result without errors (only error-free results are kept). */
export interface ReusableResult {
  readonly data?: Record<string, unknown> | null;
  readonly extensions?: Record<string, unknown>;
}

/**
 * Reuses whole GraphQL results for identical operations by the same caller, in process, without
 * running the resolvers again. A result is kept only when it was built entirely from fresh cached
 * reads, had no errors and made no upstream write; it lives as long as the least fresh of those
 * reads would have, and goes as soon as any of their tags is invalidated (locally or by another
 * instance: it is a dependent of the ResponseCache).
 *
 * Reuse happens inside Apollo's request pipeline (`wholeResponsePlugin`, below), at
 * `responseForOperation`: after every HTTP check Apollo makes (method, CSRF prevention, body and
 * parameters), after parsing, validation and the limits, and before execution. Apollo then
 * serialises the reused result, negotiates its content type (406 included) and sets its status and
 * headers exactly as for a fresh execution, so a reused answer is byte for byte the fresh one; only
 * `x-gateway-cache: hit` tells them apart.
 *
 * Keys: the caller's scope (hash of the token) + a hash of the operation (document, operation
 * name, variables), so nothing is shared between callers.
 *
 * Serialising a large result is most of what a reuse would cost, so the serialisation made when
 * the result is kept is kept with it, and `stringifyResult` (Apollo's option of that name) hands it
 * back when Apollo serialises that very result again: the same text `JSON.stringify` would make,
 * since the kept object is never changed.
 */
export class WholeResponseCache implements InvalidationListener {
  private readonly responses: NearCache;
  /** When each tag was last invalidated, to refuse responses whose reads began before that. */
  private readonly invalidatedAt = new Map<string, number>();
  /** The serialisation of each kept result, by its `data` object (gone with the entry). */
  private readonly serialised = new WeakMap<object, { extensions: unknown; text: string }>();

  constructor(private readonly options: { maxBytes: number; maxAgeMs: number; clock?: () => number }) {
    this.responses = new NearCache({
      maxBytes: options.maxBytes,
      maxAgeMs: options.maxAgeMs,
      clock: options.clock,
    });
  }

  /** The key of an operation: scope + hash of (document, operation name, variables). */
  key(scope: CallerScope, request: Pick<GraphQLRequest, 'query' | 'operationName' | 'variables'>): string {
    return wholeResponseKey(
      scope,
      JSON.stringify([request.query ?? '', request.operationName ?? null, request.variables ?? null]),
    );
  }

  get(key: string): ReusableResult | undefined {
    return this.responses.get(key)?.value as ReusableResult | undefined;
  }

  /** Offers a finished result; kept only if the reads behind it allow (see class doc). */
  offer(key: string, startedAt: number, reads: ReadCollector, result: ReusableResult): void {
    const now = this.now();
    const reusableMs = reads.reusableForMs(now);
    if (reusableMs <= 0) return;
    for (const tag of reads.tags) {
      if ((this.invalidatedAt.get(tag) ?? 0) >= startedAt) return;
    }
    const { data, extensions } = result;
    if (typeof data !== 'object' || data === null) return;
    const kept: ReusableResult = extensions ? { data, extensions } : { data };
    const text = stringifyResult({ errors: undefined, data, extensions });
    this.serialised.set(data, { extensions, text });
    this.responses.set(key, kept, now, [...reads.tags], text.length, reusableMs);
  }

  /**
   * Apollo's `stringifyResult`: the kept text for a reused result, Apollo's own serialisation
   * (`JSON.stringify(value) + '\n'`, its prettyJSONStringify) for anything else.
   */
  readonly stringifyResult = (value: FormattedExecutionResult): string => {
    if (value.errors === undefined && typeof value.data === 'object' && value.data !== null) {
      const kept = this.serialised.get(value.data);
      if (kept && kept.extensions === value.extensions) return kept.text;
    }
    return stringifyResult(value);
  };

  invalidateTags(tags: readonly string[]): void {
    const now = this.now();
    for (const tag of tags) this.invalidatedAt.set(tag, now);
    this.responses.invalidateTags(tags);
    this.forgetOldInvalidations(now);
  }

  clear(): void {
    this.responses.clear();
    this.invalidatedAt.clear();
  }

  now(): number {
    return (this.options.clock ?? Date.now)();
  }

  /** Only invalidations newer than the longest request matter; keep the map small. */
  private forgetOldInvalidations(now: number): void {
    if (this.invalidatedAt.size < 10_000) return;
    for (const [tag, at] of this.invalidatedAt) if (now - at > 60_000) this.invalidatedAt.delete(tag);
  }
}

/** Apollo Server's default serialisation of a result (prettyJSONStringify in @apollo/server). */
export function stringifyResult(value: FormattedExecutionResult): string {
  return JSON.stringify(value) + '\n';
}

/**
 * Serves and offers whole results (see WholeResponseCache). Only queries of a caller whose reads
 * are collected take part; a reused result is returned from `responseForOperation`, so everything
 * Apollo does before execution and after it (content negotiation, status, headers) still happens.
 * Reused results are shared objects: nothing after this plugin may mutate them.
 */
export function wholeResponsePlugin(cache: WholeResponseCache): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue }) {
      const caller = contextValue.maybeCaller;
      const reads = caller?.reads;
      if (!caller || !reads) return;
      const startedAt = cache.now();
      let key: string | undefined;
      return {
        async responseForOperation({ request, operation }) {
          if (operation?.operation !== 'query') return null;
          const candidate = cache.key(caller.scope, request);
          const reused = cache.get(candidate);
          if (reused === undefined) {
            key = candidate;
            return null;
          }
          return {
            http: { status: undefined, headers: new HeaderMap([['x-gateway-cache', 'hit']]) },
            body: { kind: 'single', singleResult: reused },
          };
        },
        async willSendResponse({ response }) {
          if (key === undefined || response.body.kind !== 'single') return;
          const { status } = response.http;
          const result = response.body.singleResult;
          if ((status !== undefined && status !== 200) || result.errors !== undefined) return;
          cache.offer(key, startedAt, reads, result as ReusableResult);
        },
      };
    },
  };
}
