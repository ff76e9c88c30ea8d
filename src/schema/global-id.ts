/**
 * Opaque ids unique across the whole graph, for client caches (Apollo Client, Relay, urql):
 * base64url of `<Type>:<workspaceId>:<upstream id>`. Upstream ids stay available under named
 * fields (`userId`, `projectId`, ...); clients must not parse these.
 */
export function globalId(type: string, ...parts: (string | number)[]): string {
  return Buffer.from([type, ...parts].join(':')).toString('base64url');
}
