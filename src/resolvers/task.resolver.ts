import { Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { MemberRecord } from '../datasources/members.api.js';
import type { ProjectRecord } from '../datasources/projects.api.js';
import type { AssigneeRecord, TaskRecord } from '../datasources/tasks.api.js';
import { GatewayError } from '../errors/gateway-error.js';
import { globalId } from '../schema/global-id.js';
import { Member } from '../schema/types/member.type.js';
import { Project } from '../schema/types/project.type.js';
import { Task, TaskAssignee } from '../schema/types/task.type.js';
import type { RequestContext } from '../server/context.js';

@Resolver(() => Task)
export class TaskResolver {
  @FieldResolver(() => ID)
  id(@Root() task: TaskRecord): string {
    return globalId('Task', task.workspaceId, task.taskId);
  }

  @FieldResolver(() => Project, { nullable: true, description: 'The project this task belongs to.' })
  project(@Root() task: TaskRecord, @Ctx() ctx: RequestContext): Promise<ProjectRecord> {
    return ctx.loaders.project.load({ workspaceId: task.workspaceId, projectId: task.projectId });
  }
}

@Resolver(() => TaskAssignee)
export class TaskAssigneeResolver {
  @FieldResolver(() => Member, {
    nullable: true,
    description: 'The assignee as a member; null if the caller cannot see them.',
  })
  async member(@Root() assignee: AssigneeRecord, @Ctx() ctx: RequestContext): Promise<MemberRecord | null> {
    try {
      return await ctx.loaders.member.load({ workspaceId: assignee.workspaceId, userId: assignee.userId });
    } catch (error) {
      if (error instanceof GatewayError && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  }
}
