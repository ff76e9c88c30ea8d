import { contractById, contractsList } from './contracts.operations.js';
import {
  approveLeave,
  leaveBalancesList,
  leavePoliciesList,
  leavesList,
  rejectLeave,
  requestLeave,
} from './leaves.operations.js';
import {
  createExpense,
  deleteExpense,
  expenseCategoriesList,
  expensesList,
  updateExpense,
} from './expenses.operations.js';
import { memberById, membersList } from './members.operations.js';
import type { Operation } from './operation.js';
import { projectById, projectsList } from './projects.operations.js';
import {
  activityDescriptionsReport,
  activityLevelReport,
  dailyAttendanceReport,
  dailyTimelineReport,
  taskReport,
  trackedHoursReport,
} from './reports.operations.js';
import { taskById, tasksList } from './tasks.operations.js';
import {
  approveTimeRequest,
  createTimeRequest,
  rejectTimeRequest,
  timeRequestById,
  timeRequestsList,
} from './time-requests.operations.js';
import {
  createTimeEntry,
  deleteTimeEntry,
  timeEntriesPage,
  updateTimeEntry,
} from './time-entries.operations.js';
import { startTracking, stopTracking, trackerCurrent } from './tracking.operations.js';
import {
  createWebhook,
  deleteWebhook,
  updateWebhook,
  webhookById,
  webhooksList,
} from './webhooks.operations.js';
import { workspacesList } from './workspaces.operations.js';

/** Every upstream operation the gateway calls, one descriptor each (see operation.ts). */
export const CATALOGUE: readonly Operation[] = [
  workspacesList,
  membersList,
  memberById,
  projectsList,
  projectById,
  contractsList,
  contractById,
  tasksList,
  taskById,
  trackerCurrent,
  startTracking,
  stopTracking,
  timeRequestsList,
  timeRequestById,
  createTimeRequest,
  approveTimeRequest,
  rejectTimeRequest,
  leavesList,
  leavePoliciesList,
  leaveBalancesList,
  requestLeave,
  approveLeave,
  rejectLeave,
  expensesList,
  expenseCategoriesList,
  createExpense,
  updateExpense,
  deleteExpense,
  timeEntriesPage,
  createTimeEntry,
  updateTimeEntry,
  deleteTimeEntry,
  trackedHoursReport,
  dailyTimelineReport,
  dailyAttendanceReport,
  activityLevelReport,
  taskReport,
  activityDescriptionsReport,
  webhooksList,
  webhookById,
  createWebhook,
  updateWebhook,
  deleteWebhook,
];
