import { invert } from './enum-table.js';

/** Upstream task status codes 0, 10, 20, 30. */
export enum TaskStatus {
  INCOMPLETE = 'INCOMPLETE',
  DOING = 'DOING',
  DONE = 'DONE',
  COMPLETED = 'COMPLETED',
}
export const taskStatusCodes: Readonly<Record<TaskStatus, number>> = {
  [TaskStatus.INCOMPLETE]: 0,
  [TaskStatus.DOING]: 10,
  [TaskStatus.DONE]: 20,
  [TaskStatus.COMPLETED]: 30,
};
export const taskStatusByCode = invert(taskStatusCodes);

/** Upstream task priority codes 10, 20, 30, 40. */
export enum TaskPriority {
  URGENT = 'URGENT',
  HIGH = 'HIGH',
  NORMAL = 'NORMAL',
  LOW = 'LOW',
}
export const taskPriorityCodes: Readonly<Record<TaskPriority, number>> = {
  [TaskPriority.URGENT]: 10,
  [TaskPriority.HIGH]: 20,
  [TaskPriority.NORMAL]: 30,
  [TaskPriority.LOW]: 40,
};
export const taskPriorityByCode = invert(taskPriorityCodes);
