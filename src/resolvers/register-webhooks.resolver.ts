import { Ctx, Mutation, Resolver } from 'type-graphql';
import { GatewayError } from '../errors/gateway-error.js';
import type { WebhookRegistration as Registration } from '../live/webhook-registry.js';
import { RegisterWebhooksInput } from '../schema/inputs/register-webhooks.input.js';
import { WebhookRegistration } from '../schema/types/webhook-registration.type.js';
import type { RequestContext } from '../server/context.js';
import { inputArg } from './input-arg.js';
import { positiveId } from './validate.js';

@Resolver()
export class RegisterWebhooksResolver {
  @Mutation(() => WebhookRegistration, {
    nullable: true,
    description:
      "Registers this gateway's webhook receiver (PUBLIC_URL + WEBHOOK_PATH) with WebWork for every documented event of the workspace, so tracker, member and project changes reach the live board as they happen. Idempotent: a webhook already delivering to that URL is reused (its events completed), never created twice. Owners and Executive Managers (FORBIDDEN otherwise). Null with an error when WebWork refused or could not answer.",
  })
  async registerWebhooks(
    @inputArg(RegisterWebhooksInput) input: RegisterWebhooksInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Omit<Registration, 'tokenDigests'>> {
    positiveId('input.workspaceId', input.workspaceId);
    if (!ctx.live) throw new GatewayError('UPSTREAM_UNAVAILABLE', 'This gateway runs without a live board.');
    try {
      const { tokenDigests: _secret, ...shown } = await ctx.live.registrations.register(
        ctx.caller,
        input.workspaceId,
      );
      return shown;
    } catch (error) {
      if (error instanceof GatewayError && error.code === 'FORBIDDEN') {
        throw new GatewayError(
          'FORBIDDEN',
          `registerWebhooks refused: WebWork lets only Owners and Executive Managers manage webhooks. ${error.message}`,
        );
      }
      throw error;
    }
  }
}
