import { Field, InputType, Int } from 'type-graphql';

@InputType({ description: "Register the gateway's own webhooks for a workspace (the live board)." })
export class RegisterWebhooksInput {
  @Field(() => Int, {
    description: 'The workspace whose events the gateway registers for (`Workspace.workspaceId`).',
  })
  workspaceId!: number;
}
