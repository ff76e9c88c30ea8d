import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { MemberRecord } from '../catalogue/members.operations.js';
import type { ProjectRecord } from '../catalogue/projects.operations.js';
import {
  type AssigneeRecord,
  assignTask,
  createTask,
  deleteTask,
  type TaskRecord,
  taskAssigneesList,
  tasksList,
  unassignTask,
  updateTask,
} from '../catalogue/tasks.operations.js';
import {
  AssignTaskInput,
  CreateTaskInput,
  DeleteTaskInput,
  MAX_TASK_DESCRIPTION,
  MAX_TASK_TITLE,
  UnassignTaskInput,
  UpdateTaskInput,
} from '../schema/inputs/tasks.inputs.js';
import { DeletedTask } from '../schema/types/deleted.types.js';
import { Member } from '../schema/types/member.type.js';
import { Project } from '../schema/types/project.type.js';
import { Task, TaskAssignee } from '../schema/types/task.type.js';
import type { RequestContext } from '../server/context.js';
import { orNullWhenMissing, related } from './lookup-field.js';
import { DeletedNodeResolver, NodeResolver } from './node.resolver.js';
import { optionalText, ordered, requiredText, resourceWrite, someField } from './resource-write.js';
import { positiveId } from './validate.js';

@Resolver(() => Task)
// A task's global id carries its project: WebWork reads a task only with its project_id (node-lookups.ts).
export class TaskResolver extends NodeResolver(Task, (t: TaskRecord) => [
  t.workspaceId,
  t.taskId,
  t.projectId,
]) {
  @FieldResolver(() => Project, { nullable: true, description: 'The project this task belongs to.' })
  project(@Root() task: TaskRecord, @Ctx() ctx: RequestContext): Promise<ProjectRecord> {
    return ctx.loaders.project.load({ workspaceId: task.workspaceId, id: task.projectId });
  }

  @FieldResolver(() => [TaskAssignee], {
    nullable: true,
    description:
      "Who the task is assigned to: as WebWork's task lists embed them, or, when a task comes without them, from GET /tasks/{taskId}/assignees.",
  })
  assignees(
    @Root() task: TaskRecord,
    @Ctx() ctx: RequestContext,
  ): AssigneeRecord[] | Promise<AssigneeRecord[]> {
    return (
      task.assignees ??
      ctx.loaders.memo.all(taskAssigneesList, {
        workspaceId: task.workspaceId,
        projectId: task.projectId,
        taskId: task.taskId,
      })
    );
  }

  @FieldResolver(() => Task, {
    nullable: true,
    description: "The parent task of a sub-task (from the project's task list); null for a top-level task.",
  })
  parentTask(@Root() task: TaskRecord, @Ctx() ctx: RequestContext): Promise<TaskRecord | null> | null {
    if (task.parentTaskId == null) return null;
    return orNullWhenMissing(
      ctx.loaders.task.load({
        workspaceId: task.workspaceId,
        id: task.parentTaskId,
        projectId: task.projectId,
      }),
    );
  }

  @FieldResolver(() => Member, {
    nullable: true,
    description: 'Who created the task; null if the caller cannot see them.',
  })
  creator(@Root() task: TaskRecord, @Ctx() ctx: RequestContext): Promise<MemberRecord | null> | null {
    return related(ctx.loaders.member, task.workspaceId, task.creatorId);
  }

  @FieldResolver(() => [Task], {
    nullable: true,
    description:
      "The task's direct sub-tasks, from its project's task list (read once per request for all tasks of the project).",
  })
  async subTasks(@Root() task: TaskRecord, @Ctx() ctx: RequestContext): Promise<TaskRecord[]> {
    const all = await ctx.loaders.memo.all(tasksList, {
      workspaceId: task.workspaceId,
      projectId: task.projectId,
    });
    return all.filter((t) => t.parentTaskId === task.taskId);
  }
}

@Resolver(() => TaskAssignee)
export class TaskAssigneeResolver {
  @FieldResolver(() => Member, {
    nullable: true,
    description: 'The assignee as a member; null if the caller cannot see them.',
  })
  member(@Root() assignee: AssigneeRecord, @Ctx() ctx: RequestContext): Promise<MemberRecord | null> | null {
    return related(ctx.loaders.member, assignee.workspaceId, assignee.userId);
  }
}

/** The global id a deleted task had (`Task:<workspaceId>:<taskId>:<projectId>`). */
export const DeletedTaskResolver = DeletedNodeResolver(
  DeletedTask,
  'Task',
  (t: TaskRecord) => [t.workspaceId, t.taskId, t.projectId],
  {
    description: 'The global id the task had.',
  },
);

const TASK_MANAGERS = 'Owners, Executive Managers, Project Managers and Team Managers';

const checkTaskFields = (input: {
  description?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  parentTaskId?: number | null;
}) => {
  optionalText('input.description', input.description, MAX_TASK_DESCRIPTION);
  ordered('input.startDate', input.startDate, 'input.endDate', input.endDate);
  if (input.parentTaskId != null) positiveId('input.parentTaskId', input.parentTaskId);
};

export const CreateTaskResolver = resourceWrite({
  input: CreateTaskInput,
  returns: Task,
  description:
    'Creates a task in a project (or a sub-task, with parentTaskId); returns it as WebWork created it.',
  action: 'create tasks',
  roles: TASK_MANAGERS,
  write: createTask,
  ids: ['workspaceId', 'projectId'],
  toArgs: (input) => {
    requiredText('input.title', input.title, MAX_TASK_TITLE);
    checkTaskFields(input);
    return input;
  },
});

export const UpdateTaskResolver = resourceWrite({
  input: UpdateTaskInput,
  returns: Task,
  description: 'Changes a task; returns it read back.',
  action: 'update tasks',
  roles: TASK_MANAGERS,
  write: updateTask,
  ids: ['workspaceId', 'projectId', 'taskId'],
  toArgs: (input) => {
    someField('input', input, [
      'title',
      'description',
      'status',
      'priority',
      'startDate',
      'endDate',
      'parentTaskId',
    ]);
    optionalText('input.title', input.title, MAX_TASK_TITLE);
    checkTaskFields(input);
    return input;
  },
});

export const DeleteTaskResolver = resourceWrite({
  input: DeleteTaskInput,
  returns: DeletedTask,
  description: 'Deletes a task and its sub-tasks; returns the ids it had.',
  action: 'delete tasks',
  roles: TASK_MANAGERS,
  write: deleteTask,
  ids: ['workspaceId', 'projectId', 'taskId'],
});

export const AssignTaskResolver = resourceWrite({
  input: AssignTaskInput,
  returns: Task,
  description:
    "Adds a member (one with a contract on the project) to a task's assignees; returns the task read back.",
  action: 'assign tasks',
  roles: TASK_MANAGERS,
  write: assignTask,
  ids: ['workspaceId', 'projectId', 'taskId', 'userId'],
});

export const UnassignTaskResolver = resourceWrite({
  input: UnassignTaskInput,
  returns: Task,
  description: "Removes a member from a task's assignees; returns the task read back.",
  action: 'unassign tasks',
  roles: TASK_MANAGERS,
  write: unassignTask,
  ids: ['workspaceId', 'projectId', 'taskId', 'userId'],
});
