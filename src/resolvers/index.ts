import {
  ContractResolver,
  CreateContractResolver,
  DeleteContractResolver,
  DeletedContractResolver,
  UpdateContractResolver,
  WorkspaceContractResolver,
  WorkspaceContractsResolver,
} from './contract.resolver.js';
import { MemberResolver, WorkspaceMemberResolver, WorkspaceMembersResolver } from './member.resolver.js';
import {
  CreateProjectResolver,
  DeleteProjectResolver,
  ProjectResolver,
  UpdateProjectResolver,
  ProjectTasksResolver,
  WorkspaceProjectResolver,
  WorkspaceProjectsResolver,
} from './project.resolver.js';
import {
  AssignTaskResolver,
  CreateTaskResolver,
  DeletedTaskResolver,
  DeleteTaskResolver,
  TaskAssigneeResolver,
  TaskResolver,
  UnassignTaskResolver,
  UpdateTaskResolver,
} from './task.resolver.js';
import { StartTrackingResolver, StopTrackingResolver, TrackerResolver } from './tracker.resolver.js';
import { WorkspaceResolver } from './workspace.resolver.js';

export const resolvers = [
  WorkspaceResolver,
  MemberResolver,
  WorkspaceMembersResolver,
  WorkspaceMemberResolver,
  ProjectResolver,
  WorkspaceProjectsResolver,
  WorkspaceProjectResolver,
  ProjectTasksResolver,
  ContractResolver,
  WorkspaceContractsResolver,
  WorkspaceContractResolver,
  TaskResolver,
  TaskAssigneeResolver,
  TrackerResolver,
  StartTrackingResolver,
  StopTrackingResolver,
  CreateProjectResolver,
  UpdateProjectResolver,
  DeleteProjectResolver,
  CreateContractResolver,
  UpdateContractResolver,
  DeleteContractResolver,
  DeletedContractResolver,
  CreateTaskResolver,
  UpdateTaskResolver,
  DeleteTaskResolver,
  DeletedTaskResolver,
  AssignTaskResolver,
  UnassignTaskResolver,
] as const;
