import {
  ContractResolver,
  WorkspaceContractResolver,
  WorkspaceContractsResolver,
} from './contract.resolver.js';
import { MemberResolver, WorkspaceMemberResolver, WorkspaceMembersResolver } from './member.resolver.js';
import {
  ProjectResolver,
  ProjectTasksResolver,
  WorkspaceProjectResolver,
  WorkspaceProjectsResolver,
} from './project.resolver.js';
import { TaskAssigneeResolver, TaskResolver } from './task.resolver.js';
import {
  ApproveTimesheetResolver,
  ApproveTimesheetsResolver,
  MemberTimesheetsResolver,
  RejectTimesheetResolver,
  RejectTimesheetsResolver,
  SubmitTimesheetResolver,
  TimesheetEntryResolver,
  TimesheetResolver,
  UnsubmitTimesheetResolver,
  WorkspaceTimesheetsResolver,
} from './timesheet.resolver.js';
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
  TimesheetResolver,
  TimesheetEntryResolver,
  WorkspaceTimesheetsResolver,
  MemberTimesheetsResolver,
  SubmitTimesheetResolver,
  UnsubmitTimesheetResolver,
  ApproveTimesheetResolver,
  RejectTimesheetResolver,
  ApproveTimesheetsResolver,
  RejectTimesheetsResolver,
] as const;
