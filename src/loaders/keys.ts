/** Loader keys. Every key names its workspace: ids are looked up in a workspace's lists. */
export interface MemberKey {
  workspaceId: number;
  userId: number;
}
export interface ProjectKey {
  workspaceId: number;
  projectId: number;
}
export interface ContractKey {
  workspaceId: number;
  contractId: number;
}
export interface TaskKey {
  workspaceId: number;
  taskId: number;
  /** When known, the task is found in its project's (shared, cached) task list. */
  projectId?: number | null;
}

export const memberKeyId = (k: MemberKey) => `${k.workspaceId}:${k.userId}`;
export const projectKeyId = (k: ProjectKey) => `${k.workspaceId}:${k.projectId}`;
export const contractKeyId = (k: ContractKey) => `${k.workspaceId}:${k.contractId}`;
export const taskKeyId = (k: TaskKey) => `${k.workspaceId}:${k.taskId}`;

/** Groups keys by workspace, keeping each key's position for DataLoader's result order. */
export function byWorkspace<K extends { workspaceId: number }>(keys: readonly K[]): Map<number, K[]> {
  const groups = new Map<number, K[]>();
  for (const key of keys) {
    const group = groups.get(key.workspaceId) ?? [];
    group.push(key);
    groups.set(key.workspaceId, group);
  }
  return groups;
}
