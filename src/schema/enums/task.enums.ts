import { registerEnumType } from 'type-graphql';
import { TaskPriority, TaskStatus } from '../../catalogue/tasks.enums.js';
import { describeValues } from './describe-values.js';

registerEnumType(TaskStatus, {
  name: 'TaskStatus',
  description: "A task's progress (upstream status codes 0, 10, 20, 30).",
  valuesConfig: describeValues(TaskStatus, {
    INCOMPLETE: 'Not started (code 0).',
    DOING: 'In progress (code 10).',
    DONE: 'Done (code 20).',
    COMPLETED: 'Completed (code 30). WebWork does not document how it differs from DONE.',
  }),
});
registerEnumType(TaskPriority, {
  name: 'TaskPriority',
  description: "A task's priority (upstream codes 10, 20, 30, 40).",
  valuesConfig: describeValues(TaskPriority, {
    URGENT: 'Urgent (code 10).',
    HIGH: 'High (code 20).',
    NORMAL: 'Normal (code 30).',
    LOW: 'Low (code 40).',
  }),
});

export { TaskPriority, TaskStatus };
