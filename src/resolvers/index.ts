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
import {
  CreateExpenseResolver,
  DeletedExpenseResolver,
  DeleteExpenseResolver,
  ExpenseCategoryResolver,
  ExpenseResolver,
  UpdateExpenseResolver,
  WorkspaceExpenseCategoriesResolver,
  WorkspaceExpensesResolver,
} from './expense.resolver.js';
import { MemberResolver, WorkspaceMemberResolver, WorkspaceMembersResolver } from './member.resolver.js';
import {
  ProjectResolver,
  ProjectTasksResolver,
  WorkspaceProjectResolver,
  WorkspaceProjectsResolver,
} from './project.resolver.js';
import { ReportsResolver, WorkspaceReportsResolver } from './report.resolver.js';
import { TaskAssigneeResolver, TaskResolver } from './task.resolver.js';
import {
  MemberTimeRequestsResolver,
  TimeRequestMutationsResolver,
  TimeRequestResolver,
  WorkspaceTimeRequestsResolver,
} from './time-request.resolver.js';
import { StartTrackingResolver, StopTrackingResolver, TrackerResolver } from './tracker.resolver.js';
import {
  CreateTimeEntryResolver,
  DeletedTimeEntryResolver,
  DeleteTimeEntryResolver,
  MemberTimeEntriesResolver,
  TimeEntryResolver,
  UpdateTimeEntryResolver,
} from './time-entry.resolver.js';
import {
  CreateWebhookResolver,
  DeletedWebhookResolver,
  DeleteWebhookResolver,
  UpdateWebhookResolver,
  WebhookResolver,
  WorkspaceWebhooksResolver,
} from './webhook.resolver.js';
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
  ExpenseResolver,
  ExpenseCategoryResolver,
  DeletedExpenseResolver,
  WorkspaceExpensesResolver,
  WorkspaceExpenseCategoriesResolver,
  CreateExpenseResolver,
  UpdateExpenseResolver,
  DeleteExpenseResolver,
  TimeEntryResolver,
  DeletedTimeEntryResolver,
  MemberTimeEntriesResolver,
  CreateTimeEntryResolver,
  UpdateTimeEntryResolver,
  DeleteTimeEntryResolver,
  WorkspaceReportsResolver,
  ReportsResolver,
  WebhookResolver,
  DeletedWebhookResolver,
  WorkspaceWebhooksResolver,
  CreateWebhookResolver,
  UpdateWebhookResolver,
  DeleteWebhookResolver,
] as const;
