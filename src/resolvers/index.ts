import { ContractResolver } from './contract.resolver.js';
import { MemberResolver } from './member.resolver.js';
import { ProjectResolver } from './project.resolver.js';
import { TaskAssigneeResolver, TaskResolver } from './task.resolver.js';
import { TrackerResolver } from './tracker.resolver.js';
import { WorkspaceResolver } from './workspace.resolver.js';

export const resolvers = [
  WorkspaceResolver,
  MemberResolver,
  ProjectResolver,
  ContractResolver,
  TaskResolver,
  TaskAssigneeResolver,
  TrackerResolver,
] as const;
