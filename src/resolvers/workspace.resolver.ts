import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { workspacesList, type WorkspaceRecord } from '../catalogue/workspaces.operations.js';
import { Workspace } from '../schema/types/workspace.type.js';
import type { RequestContext } from '../server/context.js';
import { NodeResolver } from './node.resolver.js';
import { positiveId } from './validate.js';

@Resolver(() => Workspace)
export class WorkspaceResolver extends NodeResolver(Workspace, (w: WorkspaceRecord) => [w.workspaceId]) {
  @Query(() => [Workspace], { nullable: true, description: 'The workspaces the caller belongs to.' })
  workspaces(@Ctx() ctx: RequestContext): Promise<WorkspaceRecord[]> {
    return ctx.loaders.memo.all(workspacesList, {});
  }

  @Query(() => Workspace, {
    nullable: true,
    description: 'One of the caller’s workspaces; null if the caller is not in it.',
  })
  async workspace(
    @Arg('workspaceId', () => Int, {
      description: 'Upstream workspace id (`Workspace.workspaceId`, as `workspaces` lists them).',
    })
    workspaceId: number,
    @Ctx() ctx: RequestContext,
  ): Promise<WorkspaceRecord | null> {
    positiveId('workspaceId', workspaceId);
    const all = await ctx.loaders.memo.all(workspacesList, {});
    return all.find((w) => w.workspaceId === workspaceId) ?? null;
  }
}
