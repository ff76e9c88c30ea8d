import { contractById, contractsList } from './contracts.operations.js';
import { memberById, membersList } from './members.operations.js';
import type { Operation } from './operation.js';
import { projectById, projectsList } from './projects.operations.js';
import { taskById, tasksList } from './tasks.operations.js';
import {
  approveTimesheet,
  rejectTimesheet,
  submitTimesheet,
  timesheetsList,
  unsubmitTimesheet,
} from './timesheets.operations.js';
import { startTracking, stopTracking, trackerCurrent } from './tracking.operations.js';
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
  timesheetsList,
  submitTimesheet,
  unsubmitTimesheet,
  approveTimesheet,
  rejectTimesheet,
];
