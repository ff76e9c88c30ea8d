/**
 * Opaque ids unique across the whole graph, for client caches (Apollo Client, Relay, urql):
 * base64url of `<Type>:<workspaceId>:<upstream id>`. Upstream ids stay available under named
 * fields (`userId`, `projectId`, ...); clients must not parse these.
 */
export function globalId(type: string, ...parts: (string | number)[]): string {
  return Buffer.from([type, ...parts].join(':')).toString('base64url');
}

/** A global id taken apart: its type name and the parts after it, as strings. */
export interface ParsedGlobalId {
  type: string;
  parts: string[];
}

/**
 * The inverse of `globalId`, or undefined when `id` is not one this API issued. Node's base64url
 * decoder skips characters outside the alphabet, so an id is accepted only when it re-encodes to
 * itself: "Member:1:101" with a stray character is refused rather than read as something else.
 */
export function parseGlobalId(id: string): ParsedGlobalId | undefined {
  const text = Buffer.from(id, 'base64url').toString('utf8');
  if (!text || Buffer.from(text).toString('base64url') !== id) return undefined;
  const [type, ...parts] = text.split(':');
  if (!type || parts.length === 0 || parts.some((p) => p === '')) return undefined;
  return { type, parts };
}
