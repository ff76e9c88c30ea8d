import { defineEnum, type EnumOf } from './enum-table.js';

/** Upstream task status codes 0, 10, 20, 30. */
export const taskStatus = defineEnum({
  INCOMPLETE: [0, 'Not started (code 0).'],
  DOING: [10, 'In progress (code 10).'],
  DONE: [20, 'Done (code 20).'],
  COMPLETED: [30, 'Completed (code 30). WebWork does not document how it differs from DONE.'],
});
export const TaskStatus = taskStatus.values;
export type TaskStatus = EnumOf<typeof taskStatus>;
export const { toWire: taskStatusCodes, fromWire: taskStatusByCode } = taskStatus;

/** Upstream task priority codes 10, 20, 30, 40. */
export const taskPriority = defineEnum({
  URGENT: [10, 'Urgent (code 10).'],
  HIGH: [20, 'High (code 20).'],
  NORMAL: [30, 'Normal (code 30).'],
  LOW: [40, 'Low (code 40).'],
});
export const TaskPriority = taskPriority.values;
export type TaskPriority = EnumOf<typeof taskPriority>;
export const { toWire: taskPriorityCodes, fromWire: taskPriorityByCode } = taskPriority;
