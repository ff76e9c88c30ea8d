/**
 * The WebWork token of a graphql-ws connection, from the `connection_init` payload (browsers
 * cannot set headers on a WebSocket upgrade, so the token travels there, as graphql-ws
 * documents): `{ "Authorization": "Bearer <token>" }` or `{ "authorization": "Bearer <token>" }`,
 * the same value as the HTTP header. Anything else counts as no token.
 */
export function connectionToken(params: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const header = params?.Authorization ?? params?.authorization;
  if (typeof header !== 'string') return undefined;
  return /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
}
