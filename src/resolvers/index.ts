import {
  ContractResolver,
  WorkspaceContractResolver,
  WorkspaceContractsResolver,
} from './contract.resolver.js';
import {
  LeaveMutationsResolver,
  LeaveResolver,
  MemberLeaveBalancesResolver,
  MemberLeavesResolver,
  WorkspaceLeavePoliciesResolver,
  WorkspaceLeavesResolver,
} from './leave.resolver.js';
import { MemberResolver, WorkspaceMemberResolver, WorkspaceMembersResolver } from './member.resolver.js';
import {
  ProjectResolver,
  ProjectTasksResolver,
  WorkspaceProjectResolver,
  WorkspaceProjectsResolver,
} from './project.resolver.js';
import { TaskAssigneeResolver, TaskResolver } from './task.resolver.js';
import {
  MemberTimeRequestsResolver,
  TimeRequestMutationsResolver,
  TimeRequestResolver,
  WorkspaceTimeRequestsResolver,
} from './time-request.resolver.js';
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
  TimeRequestResolver,
  WorkspaceTimeRequestsResolver,
  MemberTimeRequestsResolver,
  TimeRequestMutationsResolver,
  LeaveResolver,
  WorkspaceLeavesResolver,
  MemberLeavesResolver,
  WorkspaceLeavePoliciesResolver,
  MemberLeaveBalancesResolver,
  LeaveMutationsResolver,
] as const;
