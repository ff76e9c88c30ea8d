import type { KeyParamValue } from '../cache/keys.js';
import type { Caller } from './caller.js';
import { listPolicy, type DatasourceDeps } from './deps.js';
import { pageFrom, type UpstreamPage } from './paging.js';
import type { Query } from './upstream-client.js';

/**
 * The two cached reads every list-shaped resource group makes: one page of `GET /<things>` and
 * one `GET /<things>/{id}`, both under the list cache policy. Datasources supply only what
 * differs: the path, the query, the tags and the wire → record mapping.
 */
export function readPage<W, R>(
  deps: DatasourceDeps,
  caller: Caller,
  request: {
    resource: string;
    path: string;
    query: Query & Record<string, KeyParamValue>;
    tags: string[];
    map: (wire: W) => R;
  },
): Promise<UpstreamPage<R>> {
  return deps.reader.read(caller, request.resource, request.query, listPolicy(deps, request.tags), async () =>
    pageFrom(await deps.upstream.get<W[]>(caller, request.path, request.query), request.map),
  );
}

export function readOne<W, R>(
  deps: DatasourceDeps,
  caller: Caller,
  request: {
    resource: string;
    path: string;
    query: Query;
    /** The cache key's parameters: the query plus the id in the path. */
    keyParams: Record<string, KeyParamValue>;
    tags: string[];
    map: (wire: W) => R;
  },
): Promise<R> {
  return deps.reader.read(
    caller,
    request.resource,
    request.keyParams,
    listPolicy(deps, request.tags),
    async () => {
      const envelope = await deps.upstream.get<W>(caller, request.path, request.query);
      return request.map(envelope.data as W);
    },
  );
}
