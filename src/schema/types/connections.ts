import { connectionOf } from './connection.js';
import { Contract } from './contract.type.js';
import { Member } from './member.type.js';
import { Project } from './project.type.js';
import { ProjectViewer } from './project-viewer.type.js';
import { Task } from './task.type.js';

export const MemberConnection = connectionOf(Member, 'Member');
export const ProjectConnection = connectionOf(Project, 'Project');
export const ContractConnection = connectionOf(Contract, 'Contract');
export const TaskConnection = connectionOf(Task, 'Task');
export const ProjectViewerConnection = connectionOf(ProjectViewer, 'ProjectViewer');
