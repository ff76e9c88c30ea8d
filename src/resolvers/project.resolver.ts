import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ContractRecord } from '../catalogue/contracts.operations.js';
import { projectsList, type ProjectRecord } from '../catalogue/projects.operations.js';
import { tasksList } from '../catalogue/tasks.operations.js';
import type { WorkspaceRecord } from '../catalogue/workspaces.operations.js';
import { ProjectsArgs } from '../schema/inputs/projects.args.js';
import { TasksArgs } from '../schema/inputs/tasks.args.js';
import { ProjectConnection, TaskConnection } from '../schema/types/connections.js';
import { Contract } from '../schema/types/contract.type.js';
import { Project } from '../schema/types/project.type.js';
import { Workspace } from '../schema/types/workspace.type.js';
import type { RequestContext } from '../server/context.js';
import { connectionField } from './connection-field.js';
import { lookupField } from './lookup-field.js';
import { NodeResolver } from './node.resolver.js';

@Resolver(() => Project)
export class ProjectResolver extends NodeResolver(Project, (p: ProjectRecord) => [
  p.workspaceId,
  p.projectId,
]) {
  @FieldResolver(() => [Contract], {
    nullable: true,
    description: 'Contracts on this project (its assigned members).',
  })
  contracts(@Root() project: ProjectRecord, @Ctx() ctx: RequestContext): Promise<ContractRecord[]> {
    return ctx.loaders.contractsOfProject.load({ workspaceId: project.workspaceId, id: project.projectId });
  }
}

export const WorkspaceProjectsResolver = connectionField({
  parent: Workspace,
  field: 'projects',
  connection: ProjectConnection,
  args: ProjectsArgs,
  description: 'Projects of this workspace.',
  list: projectsList,
  toArgs: (ws: WorkspaceRecord, args) => ({ ...args, workspaceId: ws.workspaceId }),
  prime: { loader: (l) => l.project, key: (p) => ({ workspaceId: p.workspaceId, id: p.projectId }) },
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
  description: 'Tasks of this project.',
  list: tasksList,
  toArgs: (p: ProjectRecord, args) => ({ ...args, workspaceId: p.workspaceId, projectId: p.projectId }),
  prime: { loader: (l) => l.task, key: (t) => ({ workspaceId: t.workspaceId, id: t.taskId }) },
});
