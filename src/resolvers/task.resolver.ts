import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { MemberRecord } from '../catalogue/members.operations.js';
import type { ProjectRecord } from '../catalogue/projects.operations.js';
import type { AssigneeRecord, TaskRecord } from '../catalogue/tasks.operations.js';
import { Member } from '../schema/types/member.type.js';
import { Project } from '../schema/types/project.type.js';
import { Task, TaskAssignee } from '../schema/types/task.type.js';
import type { RequestContext } from '../server/context.js';
import { orNullWhenMissing } from './lookup-field.js';
import { NodeResolver } from './node.resolver.js';

@Resolver(() => Task)
export class TaskResolver extends NodeResolver(Task, (t: TaskRecord) => [t.workspaceId, t.taskId]) {
  @FieldResolver(() => Project, { nullable: true, description: 'The project this task belongs to.' })
  project(@Root() task: TaskRecord, @Ctx() ctx: RequestContext): Promise<ProjectRecord> {
    return ctx.loaders.project.load({ workspaceId: task.workspaceId, id: task.projectId });
  }
}

@Resolver(() => TaskAssignee)
export class TaskAssigneeResolver {
  @FieldResolver(() => Member, {
    nullable: true,
    description: 'The assignee as a member; null if the caller cannot see them.',
  })
  member(@Root() assignee: AssigneeRecord, @Ctx() ctx: RequestContext): Promise<MemberRecord | null> {
    return orNullWhenMissing(
      ctx.loaders.member.load({ workspaceId: assignee.workspaceId, id: assignee.userId }),
    );
  }
}
