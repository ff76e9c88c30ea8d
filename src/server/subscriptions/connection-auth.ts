import type { WebSocket } from 'ws';
import type { Caller } from '../../datasources/caller.js';
import { GatewayError } from '../../errors/gateway-error.js';
import { callerFromHeader } from '../context.js';
import { connectionToken } from './connection-token.js';
import type { WorkspaceAccess } from './workspace-access.js';

/** graphql-ws's close code for an unauthenticated connection (its own `CloseCode.Unauthorized`). */
export const UNAUTHORIZED = 4401;
/** RFC 6455 "try again later": WebWork could not confirm the token now (rate limit, outage). */
export const TRY_AGAIN_LATER = 1013;

/**
 * The caller of a graphql-ws connection, checked before its `connection_ack`: a token in the
 * payload (connection-token.ts) that WebWork accepts (the caller's workspace list, read through the
 * caller-scoped cache as any query would read it). Otherwise the socket is closed and `undefined`
 * returned: 4401 without a token or when WebWork refuses it, 1013 when WebWork cannot answer now.
 * Close reasons stay under the 123 bytes a close frame allows, and never hold the token.
 */
export async function authenticateConnection(
  params: Readonly<Record<string, unknown>> | undefined,
  socket: WebSocket,
  deps: { access: WorkspaceAccess; scopeSecret: string | undefined },
): Promise<Caller | undefined> {
  const token = connectionToken(params);
  if (!token) {
    socket.close(
      UNAUTHORIZED,
      'Unauthorized: send {"Authorization":"Bearer <WebWork token>"} in connection_init',
    );
    return undefined;
  }
  const caller = callerFromHeader(`Bearer ${token}`, { scopeSecret: deps.scopeSecret })!;
  try {
    await deps.access.workspaces(caller);
    return caller;
  } catch (error) {
    if (error instanceof GatewayError && error.code === 'UNAUTHENTICATED') {
      socket.close(UNAUTHORIZED, 'Unauthorized: WebWork refused the token');
    } else {
      const code = error instanceof GatewayError ? error.code : 'INTERNAL_SERVER_ERROR';
      socket.close(TRY_AGAIN_LATER, `Try again later: WebWork could not confirm the token (${code})`);
    }
    return undefined;
  }
}
