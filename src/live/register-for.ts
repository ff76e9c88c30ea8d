import { callerFromHeader } from '../server/context.js';
import type { LiveBoard } from './live-board.js';
import type { WebhookRegistration } from './webhook-registry.js';

/** What may be shown of a registration: everything but the token digests. */
export type ShownRegistration = Omit<WebhookRegistration, 'tokenDigests'>;

/**
 * Registers the gateway's webhooks for a workspace with a WebWork token held by the process (the
 * CLI's WEBWORK_TOKEN, the demo owner's), outside any GraphQL request.
 */
export async function registerWithToken(
  live: LiveBoard,
  token: string,
  workspaceId: number,
  scopeSecret: string | undefined,
): Promise<ShownRegistration> {
  const caller = callerFromHeader(`Bearer ${token}`, { scopeSecret });
  if (!caller) throw new Error('the token must be one word, without spaces');
  const { tokenDigests: _secret, ...shown } = await live.registrations.register(caller, workspaceId);
  return shown;
}
