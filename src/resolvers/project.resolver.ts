import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { MemberRecord } from '../catalogue/members.operations.js';
import type { TaskRecord } from '../catalogue/tasks.operations.js';
import { Member } from '../schema/types/member.type.js';
import { Task } from '../schema/types/task.type.js';
import type { ContractRecord } from '../catalogue/contracts.operations.js';
import {
  createProject,
  deleteProject,
  type ProjectFields,
  projectsList,
  type ProjectRecord,
  updateProject,
} from '../catalogue/projects.operations.js';
import { tasksList } from '../catalogue/tasks.operations.js';
import { ProjectsArgs } from '../schema/inputs/projects.args.js';
import {
  CreateProjectInput,
  DeleteProjectInput,
  MAX_PROJECT_NAME,
  MAX_PROJECT_NOTES,
  UpdateProjectInput,
} from '../schema/inputs/projects.inputs.js';
import { TasksArgs } from '../schema/inputs/tasks.args.js';
import { ProjectConnection, TaskConnection } from '../schema/types/connections.js';
import { Contract } from '../schema/types/contract.type.js';
import { Project } from '../schema/types/project.type.js';
import { Workspace } from '../schema/types/workspace.type.js';
import type { RequestContext } from '../server/context.js';
import { connectionField } from './connection-field.js';
import { lookupField, orNullWhenMissing, related } from './lookup-field.js';
import { WorkspaceNodeResolver } from './node.resolver.js';
import {
  amount,
  optionalText,
  ordered,
  requiredText,
  ADMINS,
  resourceWrite,
  someField,
} from './resource-write.js';
import { positiveId } from './validate.js';

@Resolver(() => Project)
export class ProjectResolver extends WorkspaceNodeResolver(Project, (p: ProjectRecord) => p.projectId) {
  @FieldResolver(() => [Contract], {
    nullable: true,
    description: 'Contracts on this project (its assigned members).',
  })
  contracts(@Root() project: ProjectRecord, @Ctx() ctx: RequestContext): Promise<ContractRecord[]> {
    return ctx.loaders.contractsOfProject.load({ workspaceId: project.workspaceId, id: project.projectId });
  }

  @FieldResolver(() => Member, {
    nullable: true,
    description: "The project's owner (the workspace owner); null if the caller cannot see them.",
  })
  owner(@Root() project: ProjectRecord, @Ctx() ctx: RequestContext): Promise<MemberRecord | null> | null {
    return related(ctx.loaders.member, project.workspaceId, project.ownerId);
  }

  @FieldResolver(() => Task, {
    nullable: true,
    description: "A task of this project by id (from the project's task list); null if there is none.",
  })
  task(
    @Root() project: ProjectRecord,
    @Arg('taskId', () => Int, { description: 'Upstream id of the task (`Task.taskId`).' }) taskId: number,
    @Ctx() ctx: RequestContext,
  ): Promise<TaskRecord | null> {
    positiveId('taskId', taskId);
    return orNullWhenMissing(
      ctx.loaders.task.load({ workspaceId: project.workspaceId, id: taskId, projectId: project.projectId }),
    );
  }
}

export const WorkspaceProjectsResolver = connectionField({
  parent: Workspace,
  field: 'projects',
  connection: ProjectConnection,
  args: ProjectsArgs,
  description:
    'Projects of this workspace, as the caller may see them: Owners and Executive Managers all, Project Managers and Project Viewers the projects they manage, Team Managers those of their teams, Regular Users those they are assigned to.',
  list: projectsList,
  prime: { loader: (l) => l.project, id: (p) => p.projectId },
});

export const WorkspaceProjectResolver = lookupField({
  parent: Workspace,
  field: 'project',
  type: Project,
  idArgument: 'projectId',
  description: 'A project by id; null if the caller cannot see it.',
  loader: (l) => l.project,
});

export const ProjectTasksResolver = connectionField({
  parent: Project,
  field: 'tasks',
  connection: TaskConnection,
  args: TasksArgs,
  description:
    'Tasks of this project (members with access to the project; Owners and Executive Managers see all).',
  list: tasksList,
  toArgs: (p: ProjectRecord, args) => ({ ...args, workspaceId: p.workspaceId, projectId: p.projectId }),
  prime: { loader: (l) => l.task, id: (t) => t.taskId },
});

const checkProjectFields = (input: ProjectFields) => {
  ordered('input.startDate', input.startDate, 'input.deadline', input.deadline);
  amount('input.estimatedHours', input.estimatedHours);
  amount('input.budget', input.budget);
  optionalText('input.notes', input.notes, MAX_PROJECT_NOTES);
  optionalText('input.icon', input.icon, 255);
};

export const CreateProjectResolver = resourceWrite({
  input: CreateProjectInput,
  returns: Project,
  description: 'Creates a project; returns it as WebWork created it.',
  action: 'create projects',
  roles: ADMINS,
  write: createProject,
  ids: ['workspaceId'],
  toArgs: (input) => {
    requiredText('input.name', input.name, MAX_PROJECT_NAME);
    checkProjectFields(input);
    return input;
  },
});

export const UpdateProjectResolver = resourceWrite({
  input: UpdateProjectInput,
  returns: Project,
  description: 'Changes a project (an archived one cannot be changed); returns it read back.',
  action: 'update projects',
  roles: ADMINS,
  write: updateProject,
  ids: ['workspaceId', 'projectId'],
  toArgs: (input) => {
    someField('input', input, ['name', 'startDate', 'deadline', 'estimatedHours', 'budget', 'notes', 'icon']);
    optionalText('input.name', input.name, MAX_PROJECT_NAME);
    checkProjectFields(input);
    return input;
  },
});

export const DeleteProjectResolver = resourceWrite({
  input: DeleteProjectInput,
  returns: Project,
  description:
    'Archives a project (WebWork keeps it, readable by id with archivedAt set; it leaves the projects list). Returns it read back.',
  action: 'archive projects',
  roles: ADMINS,
  write: deleteProject,
  ids: ['workspaceId', 'projectId'],
});
