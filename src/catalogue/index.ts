import {
  contractById,
  contractsList,
  createContract,
  deleteContract,
  updateContract,
} from './contracts.operations.js';
import { inviteMember, memberById, membersList, removeMember, updateMember } from './members.operations.js';
import type { Operation } from './operation.js';
import {
  createProject,
  deleteProject,
  projectById,
  projectsList,
  updateProject,
} from './projects.operations.js';
import {
  assignTask,
  createTask,
  deleteTask,
  taskAssigneesList,
  taskById,
  tasksList,
  unassignTask,
  updateTask,
} from './tasks.operations.js';
import {
  assignProjectViewer,
  createProjectViewer,
  deleteProjectViewer,
  projectViewerById,
  projectViewersList,
  restoreProjectViewer,
  unassignProjectViewer,
} from './project-viewers.operations.js';
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
  createProject,
  updateProject,
  deleteProject,
  createContract,
  updateContract,
  deleteContract,
  createTask,
  updateTask,
  deleteTask,
  assignTask,
  unassignTask,
  taskAssigneesList,
  inviteMember,
  updateMember,
  removeMember,
  projectViewersList,
  projectViewerById,
  createProjectViewer,
  deleteProjectViewer,
  restoreProjectViewer,
  assignProjectViewer,
  unassignProjectViewer,
];
