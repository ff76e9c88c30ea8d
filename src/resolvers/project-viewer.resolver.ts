import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { ProjectRecord } from '../catalogue/projects.operations.js';
import {
  assignProjectViewer,
  createProjectViewer,
  deleteProjectViewer,
  projectViewersList,
  type ProjectViewerRecord,
  restoreProjectViewer,
  unassignProjectViewer,
} from '../catalogue/project-viewers.operations.js';
import type { WorkspaceRecord } from '../catalogue/workspaces.operations.js';
import { ProjectViewersArgs } from '../schema/inputs/project-viewers.args.js';
import {
  AssignProjectViewerInput,
  CreateProjectViewerInput,
  DeleteProjectViewerInput,
  MAX_VIEWER_NAME,
  RestoreProjectViewerInput,
  UnassignProjectViewerInput,
} from '../schema/inputs/project-viewers.inputs.js';
import { ProjectViewerConnection } from '../schema/types/connections.js';
import { Project } from '../schema/types/project.type.js';
import { ProjectViewer } from '../schema/types/project-viewer.type.js';
import { Workspace } from '../schema/types/workspace.type.js';
import type { RequestContext } from '../server/context.js';
import { connectionField } from './connection-field.js';
import { orNullWhenMissing } from './lookup-field.js';
import { WorkspaceNodeResolver } from './node.resolver.js';
import { email, requiredText, ADMINS, resourceWrite } from './resource-write.js';

@Resolver(() => ProjectViewer)
export class ProjectViewerResolver extends WorkspaceNodeResolver(
  ProjectViewer,
  (v: ProjectViewerRecord) => v.viewerId,
) {
  @FieldResolver(() => [Int], { description: 'Ids of the projects the viewer may see.' })
  projectIds(@Root() viewer: ProjectViewerRecord): number[] {
    return viewer.projects.map((p) => p.projectId);
  }

  @FieldResolver(() => [Project], {
    nullable: true,
    description: 'The projects the viewer may see (those the caller can see too).',
  })
  async projects(@Root() viewer: ProjectViewerRecord, @Ctx() ctx: RequestContext): Promise<ProjectRecord[]> {
    const found = await Promise.all(
      viewer.projects.map((p) =>
        orNullWhenMissing(ctx.loaders.project.load({ workspaceId: viewer.workspaceId, id: p.projectId })),
      ),
    );
    return found.filter((p): p is ProjectRecord => p !== null);
  }
}

@Resolver(() => Project)
export class ProjectViewersOfProjectResolver {
  @FieldResolver(() => [ProjectViewer], {
    nullable: true,
    description:
      "Project viewers with access to this project, from the workspace's viewers list (read once per request). Owners and Executive Managers only.",
  })
  async viewers(@Root() project: ProjectRecord, @Ctx() ctx: RequestContext): Promise<ProjectViewerRecord[]> {
    const all = await ctx.loaders.memo.all(projectViewersList, { workspaceId: project.workspaceId });
    return all.filter((v) => v.projects.some((p) => p.projectId === project.projectId));
  }
}

export const WorkspaceProjectViewersResolver = connectionField({
  parent: Workspace,
  field: 'projectViewers',
  connection: ProjectViewerConnection,
  args: ProjectViewersArgs,
  description: 'Project viewers of this workspace (Owners and Executive Managers only).',
  list: projectViewersList,
  toArgs: (ws: WorkspaceRecord, args) => ({ workspaceId: ws.workspaceId, email: args.email }),
});

export const CreateProjectViewerResolver = resourceWrite({
  input: CreateProjectViewerInput,
  returns: ProjectViewer,
  description: 'Invites a project viewer (WebWork emails them); returns the viewer as WebWork created it.',
  action: 'create project viewers',
  roles: ADMINS,
  write: createProjectViewer,
  ids: ['workspaceId'],
  toArgs: (input) => {
    email('input.email', input.email);
    requiredText('input.firstName', input.firstName, MAX_VIEWER_NAME);
    requiredText('input.lastName', input.lastName, MAX_VIEWER_NAME);
    return input;
  },
});

export const DeleteProjectViewerResolver = resourceWrite({
  input: DeleteProjectViewerInput,
  returns: ProjectViewer,
  description:
    'Archives a project viewer (status LEFT; restoreProjectViewer undoes it); returns it read back.',
  action: 'archive project viewers',
  roles: ADMINS,
  write: deleteProjectViewer,
  ids: ['workspaceId', 'viewerId'],
});

export const RestoreProjectViewerResolver = resourceWrite({
  input: RestoreProjectViewerInput,
  returns: ProjectViewer,
  description: 'Restores an archived project viewer; returns it read back.',
  action: 'restore project viewers',
  roles: ADMINS,
  write: restoreProjectViewer,
  ids: ['workspaceId', 'viewerId'],
});

export const AssignProjectViewerResolver = resourceWrite({
  input: AssignProjectViewerInput,
  returns: ProjectViewer,
  description: 'Gives a project viewer read-only access to a project; returns the viewer read back.',
  action: 'assign projects to project viewers',
  roles: ADMINS,
  write: assignProjectViewer,
  ids: ['workspaceId', 'viewerId', 'projectId'],
});

export const UnassignProjectViewerResolver = resourceWrite({
  input: UnassignProjectViewerInput,
  returns: ProjectViewer,
  description: "Takes a project from a project viewer's access; returns the viewer read back.",
  action: 'unassign projects from project viewers',
  roles: ADMINS,
  write: unassignProjectViewer,
  ids: ['workspaceId', 'viewerId', 'projectId'],
});
