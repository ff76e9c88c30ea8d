import { registerEnumType } from 'type-graphql';
import { TaskPriority, TaskStatus } from '../../catalogue/tasks.enums.js';

registerEnumType(TaskStatus, { name: 'TaskStatus' });
registerEnumType(TaskPriority, { name: 'TaskPriority' });

export { TaskPriority, TaskStatus };
