import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ApolloServerPlugin, GraphQLRequest } from '@apollo/server';
import {
  InMemoryLRUCache,
  type KeyValueCache,
  type KeyValueCacheSetOptions,
} from '@apollo/utils.keyvaluecache';
import { GraphQLError } from 'graphql';
import type { Redis } from 'ioredis';
import { OutageReporter } from '../cache/outage-reporter.js';
import type { Logger } from '../logging/logger.js';
import type { RequestContext } from './context.js';

/**
 * Automatic persisted queries (APQ) and trusted documents.
 *
 * APQ is Apollo Server's own (`persistedQueries` option): a client sends
 * `extensions.persistedQuery: { version: 1, sha256Hash }` without the query; on
 * PERSISTED_QUERY_NOT_FOUND it sends both once, and Apollo registers the query under its hash (only
 * after it parsed, validated and passed the limits). Registrations go to `PersistedQueryStore`:
 * Redis when configured, so every instance knows a hash registered on any of them.
 */

/**
 * Apollo's KeyValueCache over the gateway's ioredis client, with a bounded in-process LRU in
 * front. A persisted query is content-addressed (the key is the SHA-256 of the value), so the local
 * copy can never be stale; Redis holds it for `ttl` seconds (refreshed by each re-registration).
 * Redis trouble never fails a request: a failed read is a miss (the client then sends the full
 * query once), a failed write is skipped, and an outage is logged once (warn) and its end once.
 * Without Redis it is the in-process LRU alone.
 */
export class PersistedQueryStore implements KeyValueCache<string> {
  private readonly local: InMemoryLRUCache<string>;
  private readonly outage: OutageReporter;

  constructor(
    private readonly options: {
      redis?: Redis;
      /** Redis key prefix (`persistedQueryKeyPrefix` in cache/keys.ts). */
      keyPrefix: string;
      logger: Logger;
      /** Bound of the in-process tier, in bytes of query text. Default 8 MiB. */
      localMaxBytes?: number;
    },
  ) {
    this.local = new InMemoryLRUCache<string>({
      maxSize: options.localMaxBytes ?? 8 * 1_048_576,
      sizeCalculation: InMemoryLRUCache.sizeCalculation,
    });
    this.outage = new OutageReporter(
      options.logger,
      'persisted queries in redis',
      'unknown hashes are misses',
    );
  }

  async get(key: string): Promise<string | undefined> {
    const local = await this.local.get(key);
    if (local !== undefined || !this.options.redis) return local;
    try {
      const stored = await this.options.redis.get(this.options.keyPrefix + key);
      this.outage.succeeded();
      if (stored === null) return undefined;
      await this.local.set(key, stored);
      return stored;
    } catch (error) {
      this.outage.failed('get', error);
      return undefined;
    }
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    await this.local.set(key, value);
    const redis = this.options.redis;
    if (!redis) return;
    try {
      const ttl = options?.ttl;
      if (ttl) await redis.set(this.options.keyPrefix + key, value, 'EX', Math.ceil(ttl));
      else await redis.set(this.options.keyPrefix + key, value);
      this.outage.succeeded();
    } catch (error) {
      this.outage.failed('set', error);
    }
  }

  async delete(key: string): Promise<boolean> {
    const deleted = await this.local.delete(key);
    try {
      await this.options.redis?.del(this.options.keyPrefix + key);
    } catch (error) {
      this.outage.failed('delete', error);
    }
    return deleted;
  }
}

/**
 * Apollo raises two persisted-query refusals as bare GraphQLErrors (HTTP 400, no code), which
 * `formatError` would mask as INTERNAL_SERVER_ERROR and log. They are the client's mistakes: this
 * gives them a code and a message saying what to send. Apollo's wording is pinned by a test.
 */
export function persistedQueryRequestError(error: unknown): { code: string; message: string } | undefined {
  if (!(error instanceof GraphQLError) || error.extensions.code !== undefined) return undefined;
  if (error.message === 'provided sha does not match query') {
    return {
      code: 'PERSISTED_QUERY_HASH_MISMATCH',
      message:
        'extensions.persistedQuery.sha256Hash is not the SHA-256 of the query sent with it: send the lowercase hex SHA-256 of the exact query text.',
    };
  }
  if (error.message === 'Unsupported persisted query version') {
    return {
      code: 'BAD_REQUEST',
      message: 'extensions.persistedQuery.version must be 1, the only version of persisted queries.',
    };
  }
  return undefined;
}

/** Operations a trusted-documents gateway runs: by id, and by the SHA-256 of their text. */
export interface TrustedDocuments {
  readonly byId: ReadonlyMap<string, string>;
  readonly bodyHashes: ReadonlySet<string>;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Reads a trusted-documents manifest (TRUSTED_DOCUMENTS): Apollo's persisted query manifest
 * (`{ "format": "apollo-persisted-query-manifest", "version": 1, "operations": [{ "id", "body", … }] }`,
 * from `@apollo/generate-persisted-query-manifest`) or a plain `{ "<id>": "<document>" }` map (Relay's
 * `persistOutput`, graphql-codegen's `persisted-documents.json`). Fails with the path and what is wrong.
 */
export function loadTrustedDocuments(path: string): TrustedDocuments {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(
      `TRUSTED_DOCUMENTS: cannot read ${path} as JSON (${error instanceof Error ? error.message : error})`,
    );
  }
  const entries: [string, string][] = [];
  if (isRecord(parsed) && parsed.format === 'apollo-persisted-query-manifest') {
    if (parsed.version !== 1 || !Array.isArray(parsed.operations)) {
      throw new Error(`TRUSTED_DOCUMENTS: ${path} is an Apollo manifest but not version 1 with "operations"`);
    }
    for (const operation of parsed.operations as unknown[]) {
      if (!isRecord(operation) || typeof operation.id !== 'string' || typeof operation.body !== 'string') {
        throw new Error(`TRUSTED_DOCUMENTS: every operation in ${path} needs a string "id" and "body"`);
      }
      entries.push([operation.id, operation.body]);
    }
  } else if (isRecord(parsed) && Object.values(parsed).every((body) => typeof body === 'string')) {
    entries.push(...(Object.entries(parsed) as [string, string][]));
  } else {
    throw new Error(
      `TRUSTED_DOCUMENTS: ${path} is neither an Apollo persisted query manifest nor a { "<id>": "<document>" } map`,
    );
  }
  return {
    byId: new Map(entries),
    bodyHashes: new Set(entries.map(([, body]) => sha256(body))),
  };
}

/**
 * Trusted-documents mode: only operations from the manifest run. A request names one by
 * `extensions.persistedQuery.sha256Hash` (the manifest id; Apollo Client's persisted-queries link
 * sends it) or sends a document whose text is in the manifest. Anything else is refused with
 * PERSISTED_QUERY_NOT_IN_LIST before it is parsed, and nothing is registered (the manifest is the
 * list). A known id is replaced by its document here, before Apollo's APQ step, so no store is read.
 */
export function trustedDocumentsPlugin(documents: TrustedDocuments): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ request }) {
      const refusal = admit(documents, request);
      if (refusal === undefined) return;
      return {
        // The request was emptied so Apollo stops at once (no parse, no store); its answer is
        // replaced by the refusal here, like the token limit's (limits/token-limit.plugin.ts).
        async willSendResponse({ response }) {
          response.http.status = 400;
          response.body = {
            kind: 'single',
            singleResult: {
              errors: [{ message: refusal, extensions: { code: 'PERSISTED_QUERY_NOT_IN_LIST' } }],
            },
          };
        },
      };
    },
  };
}

/** Admits (resolving a known id to its document) or returns the refusal's message. */
function admit(documents: TrustedDocuments, request: GraphQLRequest): string | undefined {
  const { persistedQuery, ...otherExtensions } = request.extensions ?? {};
  if (persistedQuery !== undefined) {
    const { version, sha256Hash } = (isRecord(persistedQuery) ? persistedQuery : {}) as Record<
      string,
      unknown
    >;
    if (version !== 1) return undefined; // Apollo refuses it: BAD_REQUEST (persistedQueryRequestError)
    const document = typeof sha256Hash === 'string' ? documents.byId.get(sha256Hash) : undefined;
    request.extensions = otherExtensions;
    if (document !== undefined) {
      request.query = document;
      return undefined;
    }
    request.query = undefined;
    return `This gateway runs only trusted documents, and ${JSON.stringify(sha256Hash)} is not one of their ids. Build the client with the same persisted query manifest as the gateway (TRUSTED_DOCUMENTS).`;
  }
  if (!request.query) return undefined; // Apollo refuses it: BAD_REQUEST (no query)
  if (documents.bodyHashes.has(sha256(request.query))) return undefined;
  request.query = undefined;
  return 'This gateway runs only trusted documents, and this query is not one of them. Send the id of an operation from the persisted query manifest (extensions.persistedQuery.sha256Hash), or its exact text.';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
