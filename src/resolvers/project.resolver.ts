import { Args, Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { ContractRecord } from '../datasources/contracts.api.js';
import type { ProjectRecord } from '../datasources/projects.api.js';
import type { TaskRecord } from '../datasources/tasks.api.js';
import { globalId } from '../schema/global-id.js';
import { taskPriorityCodes, taskStatusCodes } from '../schema/enums/task.enums.js';
import { TasksArgs } from '../schema/inputs/tasks.args.js';
import type { ConnectionResult } from '../schema/types/connection.js';
import { TaskConnection } from '../schema/types/connections.js';
import { Contract } from '../schema/types/contract.type.js';
import { Project } from '../schema/types/project.type.js';
import type { RequestContext } from '../server/context.js';
import { connectionFromPages } from './connection.js';

@Resolver(() => Project)
export class ProjectResolver {
  @FieldResolver(() => ID)
  id(@Root() project: ProjectRecord): string {
    return globalId('Project', project.workspaceId, project.projectId);
  }

  @FieldResolver(() => [Contract], {
    nullable: true,
    description: 'Contracts on this project (its assigned members).',
  })
  contracts(@Root() project: ProjectRecord, @Ctx() ctx: RequestContext): Promise<ContractRecord[]> {
    return ctx.loaders.contractsOfProject.load({
      workspaceId: project.workspaceId,
      projectId: project.projectId,
    });
  }

  @FieldResolver(() => TaskConnection, { nullable: true, description: 'Tasks of this project.' })
  tasks(
    @Root() project: ProjectRecord,
    @Args(() => TasksArgs) args: TasksArgs,
    @Ctx() ctx: RequestContext,
  ): Promise<ConnectionResult<TaskRecord>> {
    const filters = {
      status: args.status ? taskStatusCodes[args.status] : undefined,
      priority: args.priority ? taskPriorityCodes[args.priority] : undefined,
      contract_id: args.contractId ?? undefined,
    };
    const { lists, task } = ctx.loaders;
    return connectionFromPages(args, async (page) => {
      const result = await lists.tasksPage(project.workspaceId, project.projectId, filters, page);
      for (const t of result.items) task.prime({ workspaceId: t.workspaceId, taskId: t.taskId }, t);
      return result;
    });
  }
}
